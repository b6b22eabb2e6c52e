import { AppError } from '../../../common/errors/app-error.js';
import { readZipDirectory } from '../../attachments/evidence-type.js';

export interface UploadedFile {
  originalname: string;
  buffer: Buffer;
  size: number;
}

// a docx's text never needs more than this once inflated; a larger declaration is a zip bomb
const MAX_INFLATED_BYTES = 50 * 1024 * 1024;
export const NOTICE_FILE_KINDS_TEXT = '.txt（UTF-8 或 GB18030）、.docx、.html';

const extensionOf = (name: string) => /\.([a-z0-9]{1,8})$/i.exec(name)?.[1]?.toLowerCase() ?? '';
const isZip = (buffer: Buffer) => buffer.length >= 4 && buffer.readUInt32LE(0) === 0x04034b50;
const hasUtf16Bom = (buffer: Buffer) =>
  buffer.length >= 2 && ((buffer[0] === 0xff && buffer[1] === 0xfe) || (buffer[0] === 0xfe && buffer[1] === 0xff));

/** Bytes as text: UTF-8 (with or without BOM), UTF-16 with a BOM, else GB18030 (which covers GBK and GB2312). */
export function decodeText(buffer: Buffer): string {
  if (buffer.length >= 2 && buffer[0] === 0xff && buffer[1] === 0xfe)
    return new TextDecoder('utf-16le').decode(buffer.subarray(2));
  if (buffer.length >= 2 && buffer[0] === 0xfe && buffer[1] === 0xff)
    return new TextDecoder('utf-16be').decode(buffer.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buffer);
  } catch {
    return new TextDecoder('gb18030').decode(buffer);
  }
}

const ENTITIES: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  mdash: '—',
  hellip: '…',
  middot: '·',
  ensp: ' ',
  emsp: ' ',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * A web page as plain text: scripts, styles and comments dropped, block elements and <br> as line breaks, other tags
 * removed, entities decoded. The parser strips the page chrome (breadcrumbs, footers) itself.
 */
export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<(script|style|noscript|template|head)\b[\s\S]*?<\/\1\s*>/gi, '')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(
        /<\/?(p|div|h[1-6]|li|tr|table|section|article|header|footer|ul|ol|blockquote|pre|title)\b[^>]*>/gi,
        '\n',
      )
      .replace(/<\/t[dh]\s*>/gi, '\t')
      .replace(/<[^>]*>/g, ''),
  )
    .replace(/[ \t]*\n[ \t]*/g, '\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

/** A HTML page's bytes as text, honouring a GBK/GB2312/GB18030 charset declaration. */
function decodeHtml(buffer: Buffer): string {
  const head = buffer.subarray(0, 2048).toString('latin1');
  const charset = /charset\s*=\s*["']?([a-z0-9_-]+)/i.exec(head)?.[1]?.toLowerCase();
  if (charset && /^(gbk|gb2312|gb18030|x-gbk)$/.test(charset)) return new TextDecoder('gb18030').decode(buffer);
  return decodeText(buffer);
}

async function docxToText(buffer: Buffer): Promise<string> {
  const directory = readZipDirectory(buffer);
  if (!directory) throw new AppError('FILE_UNREADABLE');
  const inflated = directory.entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (inflated > MAX_INFLATED_BYTES) throw new AppError('ARCHIVE_TOO_LARGE');
  try {
    // mammoth (~15 MB resident once required) is loaded on the first .docx read, not at boot
    // (docs/performance.md › Idle memory of the API process)
    const { default: mammoth } = await import('mammoth');
    const result = await mammoth.extractRawText({ buffer });
    return result.value;
  } catch {
    throw new AppError('FILE_UNREADABLE');
  }
}

/** NUL and lone surrogates cannot be stored by PostgreSQL nor sent back in a JSON body: dropped or replaced. */
export function cleanText(text: string): string {
  return text
    .replaceAll('\u0000', '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** The text of an uploaded notice: .txt, .docx (raw text through mammoth) or .html; the content must match the name. */
export async function extractNoticeText(file: UploadedFile): Promise<string> {
  const extension = extensionOf(file.originalname);
  const zipped = isZip(file.buffer);
  if (extension === 'docx') {
    if (!zipped)
      throw new AppError('FILE_TYPE_NOT_ALLOWED', `文件内容不是 Word 文档，仅支持 ${NOTICE_FILE_KINDS_TEXT}`);
    return docxToText(file.buffer);
  }
  if (zipped || (!hasUtf16Bom(file.buffer) && file.buffer.subarray(0, 1024).includes(0))) {
    // binary content under a text name (a renamed archive, image or executable)
    throw new AppError('FILE_TYPE_NOT_ALLOWED', `文件内容与扩展名不符，仅支持 ${NOTICE_FILE_KINDS_TEXT}`);
  }
  if (extension === 'txt' || extension === 'text') return decodeText(file.buffer);
  if (extension === 'html' || extension === 'htm') return htmlToText(decodeHtml(file.buffer));
  throw new AppError('FILE_TYPE_NOT_ALLOWED', `不支持的文件类型，仅支持 ${NOTICE_FILE_KINDS_TEXT}`);
}
