// the runtime-neutral entry: the same detector as 'file-type', and resolvable by jest's CommonJS resolver too
import { fileTypeFromBuffer } from 'file-type/core';
import { AppError } from '../../common/errors/app-error.js';
import { extensionOf } from './file-name.js';

export interface EvidenceType {
  // the extensions a file of this type may carry, the usual one first
  extensions: string[];
  mime: string;
}

export const ALLOWED_KINDS_TEXT = 'PDF、OFD、图片（PNG、JPG、GIF、WebP）、Word、Excel、PowerPoint';
export const TYPE_NOT_ALLOWED_MESSAGE = `不支持的文件类型，仅可上传 ${ALLOWED_KINDS_TEXT} 文件`;

// Types recognised from the content (file-type's name for them), with the MIME type the server will answer with.
const SNIFFED: Record<string, EvidenceType> = {
  pdf: { extensions: ['pdf'], mime: 'application/pdf' },
  png: { extensions: ['png'], mime: 'image/png' },
  jpg: { extensions: ['jpg', 'jpeg'], mime: 'image/jpeg' },
  gif: { extensions: ['gif'], mime: 'image/gif' },
  webp: { extensions: ['webp'], mime: 'image/webp' },
  docx: { extensions: ['docx'], mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  xlsx: { extensions: ['xlsx'], mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  pptx: { extensions: ['pptx'], mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation' },
};

const OFD: EvidenceType = { extensions: ['ofd'], mime: 'application/ofd' };

// Legacy Office files share one container format (CFB) with installers (.msi) and mail (.msg): the content says
// "CFB", the extension says which document it is, and only these extensions are accepted for it.
const CFB_BY_EXTENSION: Record<string, EvidenceType> = {
  doc: { extensions: ['doc'], mime: 'application/msword' },
  xls: { extensions: ['xls'], mime: 'application/vnd.ms-excel' },
  ppt: { extensions: ['ppt'], mime: 'application/vnd.ms-powerpoint' },
};

const ZIP_BASED = new Set(['docx', 'xlsx', 'pptx', 'ofd']);
const MAX_ARCHIVE_ENTRIES = 10_000;

export interface ZipDirectory {
  entries: { name: string; uncompressedSize: number }[];
}

/**
 * Reads a zip's central directory (names and declared uncompressed sizes) without inflating anything;
 * null when it is not a readable classic zip. A zip64 size is reported as Infinity.
 */
export function readZipDirectory(buffer: Buffer): ZipDirectory | null {
  const end = findEndOfCentralDirectory(buffer);
  if (end < 0) return null;
  const count = buffer.readUInt16LE(end + 10);
  const offset = buffer.readUInt32LE(end + 16);
  if (count === 0xffff || offset === 0xffffffff) return { entries: [{ name: '', uncompressedSize: Infinity }] };
  const entries: ZipDirectory['entries'] = [];
  let position = offset;
  for (let i = 0; i < count; i++) {
    if (position + 46 > buffer.length || buffer.readUInt32LE(position) !== 0x02014b50) return null;
    const size = buffer.readUInt32LE(position + 24);
    const nameLength = buffer.readUInt16LE(position + 28);
    const extraLength = buffer.readUInt16LE(position + 30);
    const commentLength = buffer.readUInt16LE(position + 32);
    if (position + 46 + nameLength > buffer.length) return null;
    const name = buffer.toString('utf8', position + 46, position + 46 + nameLength);
    entries.push({ name, uncompressedSize: size === 0xffffffff ? Infinity : size });
    position += 46 + nameLength + extraLength + commentLength;
  }
  return { entries };
}

function findEndOfCentralDirectory(buffer: Buffer): number {
  // the record is 22 bytes plus a comment of at most 65535 bytes, at the very end
  const stop = Math.max(0, buffer.length - 22 - 0xffff);
  for (let i = buffer.length - 22; i >= stop; i--) {
    if (buffer.readUInt32LE(i) === 0x06054b50) return i;
  }
  return -1;
}

/**
 * The type of an evidence file, decided by its content (file-type); the name's extension only tells legacy Office
 * documents apart. Throws 415 FILE_TYPE_NOT_ALLOWED for anything else (executables, HTML, SVG, plain archives,
 * unknown content) and 400 ARCHIVE_TOO_LARGE for a zip-based document that would unpack beyond `maxUnpackedBytes`.
 */
export async function detectEvidenceType(
  buffer: Buffer,
  fileName: string,
  maxUnpackedBytes: number,
): Promise<EvidenceType> {
  const sniffed = await fileTypeFromBuffer(buffer);
  let type: EvidenceType | null = (sniffed && SNIFFED[sniffed.ext]) ?? null;
  if (sniffed?.ext === 'cfb') type = CFB_BY_EXTENSION[extensionOf(fileName)] ?? null;

  let directory: ZipDirectory | null = null;
  if (sniffed?.ext === 'zip') {
    // OFD (GB/T 33190) is a zip with OFD.xml at its root; file-type reports it as a plain zip
    directory = readZipDirectory(buffer);
    if (directory?.entries.some((entry) => entry.name === 'OFD.xml')) type = OFD;
  }
  if (!type) throw new AppError('FILE_TYPE_NOT_ALLOWED', TYPE_NOT_ALLOWED_MESSAGE);

  if (ZIP_BASED.has(type.extensions[0])) {
    directory ??= readZipDirectory(buffer);
    if (!directory) throw new AppError('FILE_TYPE_NOT_ALLOWED', TYPE_NOT_ALLOWED_MESSAGE);
    const unpacked = directory.entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
    if (directory.entries.length > MAX_ARCHIVE_ENTRIES || unpacked > maxUnpackedBytes) {
      throw new AppError('ARCHIVE_TOO_LARGE', '文件解压后的内容过大，请检查文件是否损坏或拆分后上传');
    }
  }
  return type;
}
