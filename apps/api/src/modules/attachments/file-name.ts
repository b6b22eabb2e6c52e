// The client's file name is display metadata only: it never reaches a path, and is cleaned before it is stored
// or sent back in a header.

export const MAX_NAME_LENGTH = 255;
const FALLBACK_NAME = '未命名文件';

// eslint-disable-next-line no-control-regex -- control characters are exactly what we remove
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
// bidirectional overrides and invisible format characters can disguise "gpj.exe" as "exe.jpg"
const INVISIBLE = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const RESERVED = /[<>:"|?*]/g;

/** A safe display name: the last path segment, without control or invisible characters, at most 255 characters. */
export function sanitiseFileName(raw: string | null | undefined): string {
  const cleaned = (raw ?? '').replace(LONE_SURROGATE, '').normalize('NFC').replace(CONTROL, '').replace(INVISIBLE, '');
  const lastSegment = cleaned.split(/[\\/]/).pop() ?? '';
  const name = lastSegment.replace(RESERVED, '_').trim();
  // "." and ".." name directories, not files
  if (/^\.*$/.test(name)) return FALLBACK_NAME;
  return capLength(name, MAX_NAME_LENGTH);
}

/** Cuts a name to `max` code points, keeping a short extension so the file still opens with the right program. */
function capLength(name: string, max: number): string {
  const chars = Array.from(name);
  if (chars.length <= max) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? Array.from(name.slice(dot)) : [];
  if (extension.length === 0 || extension.length > 16) return chars.slice(0, max).join('');
  const base = Array.from(name.slice(0, dot));
  return base.slice(0, max - extension.length).join('') + extension.join('');
}

/**
 * The name as it will be stored and offered for download: its extension must say what the content is, so that the
 * downloading computer opens it with the right program ("报告.exe" holding a PDF becomes "报告.exe.pdf").
 */
export function nameForContent(name: string, extensions: readonly string[]): string {
  if (extensions.includes(extensionOf(name))) return name;
  const suffix = `.${extensions[0]}`;
  return capLength(name, MAX_NAME_LENGTH - suffix.length) + suffix;
}

/** The lower-case extension of a name without the dot, or '' when there is none. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/**
 * `Content-Disposition: attachment` with an ASCII fallback for old clients and the exact name as RFC 5987
 * `filename*`. The name has been sanitised already; anything outside printable ASCII, quotes and backslashes are
 * replaced in the fallback, so the header can carry neither a line break nor a broken quoted string.
 */
export function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
