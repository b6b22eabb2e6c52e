import { describe, expect, it } from '@jest/globals';
import { contentDisposition, extensionOf, nameForContent, sanitiseFileName } from './file-name.js';

describe('sanitiseFileName', () => {
  it('keeps only the last path segment', () => {
    expect(sanitiseFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitiseFileName('..\\..\\win.ini')).toBe('win.ini');
    expect(sanitiseFileName('C:\\Users\\张三\\整改报告.pdf')).toBe('整改报告.pdf');
    expect(sanitiseFileName('%2e%2e%2f')).toBe('%2e%2e%2f');
  });

  it('removes control characters, line breaks and bidirectional overrides', () => {
    expect(sanitiseFileName('a\r\nb.pdf')).toBe('ab.pdf');
    expect(sanitiseFileName('x.pdf\r\nSet-Cookie: a=b')).toBe('x.pdfSet-Cookie_ a=b');
    expect(sanitiseFileName('report\u0000.pdf')).toBe('report.pdf');
    expect(sanitiseFileName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(sanitiseFileName('a\u200Bb\u2066c\uFEFF.pdf')).toBe('abc.pdf');
  });

  it('replaces characters that are reserved in file names and names nothing with a placeholder', () => {
    expect(sanitiseFileName('a"b<c>|d?.pdf')).toBe('a_b_c__d_.pdf');
    expect(sanitiseFileName('..')).toBe('未命名文件');
    expect(sanitiseFileName('../')).toBe('未命名文件');
    expect(sanitiseFileName('\r\n')).toBe('未命名文件');
    expect(sanitiseFileName(undefined)).toBe('未命名文件');
  });

  it('caps the length at 255 characters and keeps the extension', () => {
    const long = `${'整'.repeat(300)}.docx`;
    const result = sanitiseFileName(long);
    expect(Array.from(result)).toHaveLength(255);
    expect(result.endsWith('.docx')).toBe(true);
    expect(Array.from(sanitiseFileName('😀'.repeat(300)))).toHaveLength(255);
  });
});

describe('nameForContent', () => {
  it('appends the extension of the content when the name says something else', () => {
    expect(nameForContent('整改报告.pdf', ['pdf'])).toBe('整改报告.pdf');
    expect(nameForContent('photo.JPEG', ['jpg', 'jpeg'])).toBe('photo.JPEG');
    expect(nameForContent('scan.pdf', ['png'])).toBe('scan.pdf.png');
    expect(nameForContent('passwd', ['pdf'])).toBe('passwd.pdf');
    expect(nameForContent('invoicefdp.exe', ['pdf'])).toBe('invoicefdp.exe.pdf');
    expect(Array.from(nameForContent('a'.repeat(255), ['pdf']))).toHaveLength(255);
  });

  it('reads extensions case-insensitively', () => {
    expect(extensionOf('A.PDF')).toBe('pdf');
    expect(extensionOf('.bashrc')).toBe('');
    expect(extensionOf('noext')).toBe('');
  });
});

describe('contentDisposition', () => {
  it('offers an ASCII fallback and the exact UTF-8 name', () => {
    expect(contentDisposition('整改报告 （终稿）.pdf')).toBe(
      `attachment; filename="____ ____.pdf"; filename*=UTF-8''%E6%95%B4%E6%94%B9%E6%8A%A5%E5%91%8A%20%EF%BC%88%E7%BB%88%E7%A8%BF%EF%BC%89.pdf`,
    );
    expect(contentDisposition("it's (1).pdf")).toBe(
      `attachment; filename="it's (1).pdf"; filename*=UTF-8''it%27s%20%281%29.pdf`,
    );
  });

  it('cannot break out of the quoted string or the header', () => {
    const header = contentDisposition('a"b\\c%d.pdf');
    expect(header).toMatch(/^attachment; filename="a_b_c_d\.pdf"; filename\*=UTF-8''a%22b%5Cc%25d\.pdf$/);
    expect(header).not.toMatch(/[\r\n]/);
  });
});
