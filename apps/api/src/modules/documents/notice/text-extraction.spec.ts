import { describe, expect, it } from '@jest/globals';
import { cleanText, decodeText, extractNoticeText, htmlToText } from './text-extraction.js';

const GB18030_ZHONGGONG = Buffer.from([0xd6, 0xd0, 0xb9, 0xb2]); // 中共

describe('notice text extraction', () => {
  it('decodes UTF-8 (with or without BOM), UTF-16 with a BOM and GB18030', () => {
    expect(decodeText(Buffer.from('中共', 'utf8'))).toBe('中共');
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('中共')]))).toBe('中共');
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('中共', 'utf16le')]))).toBe('中共');
    expect(decodeText(GB18030_ZHONGGONG)).toBe('中共');
  });

  it('turns a web page into lines of text', () => {
    const html = `<html><head><title>t</title><style>p{}</style></head><body><!-- x --><div>首页 &gt; 公告</div>
      <p>1.关于&ldquo;码头&rdquo;的问题</p><p>整改情况:一是&nbsp;拆除。<br>二是&#x6574;改。</p><script>alert(1)</script></body></html>`;
    expect(htmlToText(html)).toBe('首页 > 公告\n1.关于“码头”的问题\n整改情况:一是 拆除。\n二是整改。');
  });

  it('drops NUL and replaces lone surrogates', () => {
    expect(cleanText('a\u0000b\ud800c')).toBe('ab\ufffdc');
  });

  it('checks the content against the name', async () => {
    await expect(extractNoticeText({ originalname: 'a.txt', buffer: GB18030_ZHONGGONG, size: 4 })).resolves.toBe(
      '中共',
    );
    await expect(
      extractNoticeText({ originalname: 'a.pdf', buffer: Buffer.from('%PDF'), size: 4 }),
    ).rejects.toMatchObject({ code: 'FILE_TYPE_NOT_ALLOWED' });
    await expect(
      extractNoticeText({ originalname: 'a.txt', buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0]), size: 5 }),
    ).rejects.toMatchObject({
      code: 'FILE_TYPE_NOT_ALLOWED',
    });
    await expect(
      extractNoticeText({ originalname: 'a.docx', buffer: Buffer.from('text'), size: 4 }),
    ).rejects.toMatchObject({ code: 'FILE_TYPE_NOT_ALLOWED' });
  });
});
