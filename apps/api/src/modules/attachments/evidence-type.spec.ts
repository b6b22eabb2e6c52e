import { describe, expect, it } from '@jest/globals';
import { buildDocx, buildZip } from '../../../test/support/zip.js';
import { AppError } from '../../common/errors/app-error.js';
import { detectEvidenceType, readZipDirectory } from './evidence-type.js';

const MB = 1024 * 1024;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
  Buffer.from('JFIF\0'),
  Buffer.alloc(64),
]);
const CFB = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);

async function refusal(buffer: Buffer, name: string, maxUnpacked = 200 * MB): Promise<AppError> {
  const error = await detectEvidenceType(buffer, name, maxUnpacked).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('detectEvidenceType', () => {
  it('recognises documents and images by their content', async () => {
    await expect(detectEvidenceType(PDF, 'a.pdf', MB)).resolves.toMatchObject({
      mime: 'application/pdf',
      extensions: ['pdf'],
    });
    await expect(detectEvidenceType(PNG, 'a.png', MB)).resolves.toMatchObject({ mime: 'image/png' });
    await expect(detectEvidenceType(JPEG, 'a.jpeg', MB)).resolves.toMatchObject({
      mime: 'image/jpeg',
      extensions: ['jpg', 'jpeg'],
    });
    await expect(detectEvidenceType(buildDocx(), 'a.docx', MB)).resolves.toMatchObject({
      mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
  });

  it('trusts the content, not the name', async () => {
    await expect(detectEvidenceType(PNG, '整改报告.pdf', MB)).resolves.toMatchObject({ mime: 'image/png' });
  });

  it('refuses executables, markup and unknown content with 415 and the allowed kinds', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]);
    const html = Buffer.from('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>');
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>');
    for (const [buffer, name] of [
      [exe, 'a.pdf'],
      [html, 'a.pdf'],
      [svg, 'a.jpg'],
      [Buffer.from('plain text'), 'a.txt'],
    ] as const) {
      const error = await refusal(buffer, name);
      expect(error.code).toBe('FILE_TYPE_NOT_ALLOWED');
      expect(error.status).toBe(415);
      expect(error.message).toMatch(/PDF、OFD、图片.*Word、Excel/);
    }
  });

  it('accepts the CFB container only as a legacy Word, Excel or PowerPoint file', async () => {
    await expect(detectEvidenceType(CFB, '旧台账.xls', MB)).resolves.toMatchObject({
      mime: 'application/vnd.ms-excel',
    });
    await expect(detectEvidenceType(CFB, '通知.DOC', MB)).resolves.toMatchObject({ mime: 'application/msword' });
    expect((await refusal(CFB, 'setup.msi')).code).toBe('FILE_TYPE_NOT_ALLOWED');
    expect((await refusal(CFB, 'noextension')).code).toBe('FILE_TYPE_NOT_ALLOWED');
  });

  it('accepts an OFD (a zip with OFD.xml at its root) but not any other zip', async () => {
    const ofd = buildZip([
      { name: 'OFD.xml', data: '<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"/>' },
      { name: 'Doc_0/Document.xml', data: '<x/>' },
    ]);
    await expect(detectEvidenceType(ofd, '批复.ofd', MB)).resolves.toMatchObject({
      mime: 'application/ofd',
      extensions: ['ofd'],
    });
    const zip = buildZip([{ name: 'evil.exe', data: 'MZ' }]);
    expect((await refusal(zip, 'a.zip')).code).toBe('FILE_TYPE_NOT_ALLOWED');
  });

  it('refuses a zip-based document that declares more unpacked bytes than allowed', async () => {
    const bomb = buildDocx([{ name: 'word/media/huge.bin', data: 'x', declaredSize: 300 * MB }]);
    const error = await refusal(bomb, 'bomb.docx', 200 * MB);
    expect(error.code).toBe('ARCHIVE_TOO_LARGE');
    expect(error.status).toBe(400);
  });
});

describe('readZipDirectory', () => {
  it('lists names and declared sizes', () => {
    const zip = buildZip([
      { name: 'a.txt', data: 'hello' },
      { name: '目录/b.xml', data: '<b/>', declaredSize: 1000 },
    ]);
    expect(readZipDirectory(zip)).toEqual({
      entries: [
        { name: 'a.txt', uncompressedSize: 5 },
        { name: '目录/b.xml', uncompressedSize: 1000 },
      ],
    });
  });

  it('answers null for anything that is not a readable zip', () => {
    expect(readZipDirectory(Buffer.alloc(0))).toBeNull();
    expect(readZipDirectory(PDF)).toBeNull();
    const truncated = buildZip([{ name: 'a.txt', data: 'hello' }]);
    truncated.writeUInt32LE(0, truncated.length - 22 - 46 - 5);
    expect(readZipDirectory(truncated)).toBeNull();
  });
});
