import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { neutraliseFormula } from './ledger-columns.js';
import { removeStaleSpools, SPOOL_ROOT, textOpen, XlsxStream, xmlText, type XlsxSheetSpec } from './xlsx-stream.js';

const COLUMNS = [
  { header: '序号', width: 6 },
  { header: '整改措施', width: 50 },
  { header: '完成时限', width: 12 },
];
const SHEETS: XlsxSheetSpec[] = ['整改台账', '问题清单', '任务清单', '责任清单'].map((name) => ({
  name,
  title: `${name}（2026年12月7日导出）`,
  columns: COLUMNS,
}));

/** A sink that takes at most `highWaterMark` bytes before it asks for a drain, and answers slowly. */
function slowSink(chunks: Buffer[]): Writable {
  return new Writable({
    highWaterMark: 1024,
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      setImmediate(callback);
    },
  });
}

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as unknown as ArrayBuffer);
  return book;
}

describe('xlsx-stream', () => {
  it('escapes XML specials and drops characters XML cannot hold', () => {
    expect(xmlText(`<a href="x">&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;'&lt;/a&gt;");
    expect(xmlText('a\u0001b\u000bc\u001fd\ufffe')).toBe('abcd');
    expect(xmlText('行\t一\n二')).toBe('行\t一\n二');
    expect(xmlText('😀')).toBe('😀');
    expect(xmlText('x\ud83dy')).toBe('xy'); // a lone surrogate
  });

  it('marks a text xml:space="preserve" only where its whitespace could be lost, and every text reads back as written', async () => {
    expect(textOpen('强化统筹协调。明确 责任')).toBe('<is><t>');
    expect(textOpen('')).toBe('<is><t>');
    for (const text of [' 前导', '末尾 ', '两行\n文字', '制表\t符', '两个  空格', '回车\r', '\n']) {
      expect(textOpen(text)).toBe('<is><t xml:space="preserve">');
    }
    const texts = ['整改措施 一', ' 前导空格', '末尾空格 ', '第一行\n第二行', 'a\tb', '两个  空格', '\r\n'];
    const chunks: Buffer[] = [];
    const book = new XlsxStream(slowSink(chunks), SHEETS, { creator: 'Zhenggai', now: new Date() });
    try {
      await book.streamed(0, async (sheet) => {
        texts.forEach((text, i) => sheet.rows.add([i + 1, text]));
        await sheet.flush();
      });
      for (const index of [1, 2, 3]) await book.streamed(index, async () => undefined);
      await book.finish();
    } finally {
      await book.dispose();
    }
    const book2 = await load(Buffer.concat(chunks));
    const sheet = book2.getWorksheet('整改台账')!;
    expect(texts.map((_, i) => sheet.getRow(i + 3).getCell(2).value)).toEqual(texts);
  });

  it('writes four sheets in the ledger look that exceljs reads whole: title, header, pane, dates, text', async () => {
    const chunks: Buffer[] = [];
    const sink = slowSink(chunks);
    const book = new XlsxStream(sink, SHEETS, {
      creator: 'Zhenggai',
      now: new Date('2026-12-07T10:00:00Z'),
    });
    const special = `<&>"' 引号`;
    const long = '长'.repeat(40_000);
    const formula = neutraliseFormula('=HYPERLINK("http://x","y")');
    let spoolDir: string;
    try {
      const third = await book.spool(2);
      const fourth = await book.spool(3);
      spoolDir = (book as unknown as { spoolDir: string }).spoolDir;
      await book.streamed(0, async (sheet) => {
        for (let batch = 0; batch < 3; batch++) {
          for (let i = 0; i < 500; i++) {
            const n = batch * 500 + i + 1;
            sheet.rows.add([n, `第${n}项`, new Date('2026-06-30T00:00:00Z')]);
            third.rows.add([n, `任务${n}`, undefined]);
            fourth.rows.add([n, undefined, '长期坚持']);
          }
          await Promise.all([sheet.flush(), third.flush(), fourth.flush()]);
        }
        sheet.rows.add([1501, special, undefined]);
        sheet.rows.add([1502, formula, undefined]);
        sheet.rows.add([1503, long, undefined]);
        sheet.rows.add([1504, 'a\u0001b\u0008c', undefined]);
      });
      await third.end();
      await fourth.end();
      await book.streamed(1, async (sheet) => {
        sheet.rows.add([1, '问题', new Date('2025-01-31T00:00:00Z')]);
        await sheet.flush();
      });
      await book.finish();
    } finally {
      await book.dispose();
    }
    expect(sink.writableFinished).toBe(true); // ended and flushed, as a response must be
    expect(path.dirname(spoolDir!)).toBe(SPOOL_ROOT); // the app's own folder, one per export
    expect(path.basename(spoolDir!)).toMatch(new RegExp(`^${process.pid}-`));
    expect(existsSync(spoolDir!)).toBe(false); // the temporary files are gone

    const workbook = await load(Buffer.concat(chunks));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['整改台账', '问题清单', '任务清单', '责任清单']);
    const ledger = workbook.getWorksheet('整改台账')!;
    expect(ledger.getCell('A1').value).toBe('整改台账（2026年12月7日导出）');
    expect(ledger.getCell('A1').font).toMatchObject({ bold: true, size: 16 });
    expect(ledger.getCell('C1').isMerged).toBe(true);
    expect(ledger.getCell('C1').master.address).toBe('A1');
    expect(ledger.getRow(2).values).toEqual([undefined, '序号', '整改措施', '完成时限']);
    expect(ledger.getCell('B2').font).toMatchObject({ bold: true });
    expect(ledger.getCell('B2').fill).toMatchObject({
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: 'FFE7EEF7' },
    });
    expect(ledger.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ledger.autoFilter).toBe('A2:C2');
    expect(ledger.getColumn(2).width).toBe(50);
    expect(ledger.getCell('A3').value).toBe(1);
    expect(ledger.getCell('B3').value).toBe('第1项');
    expect(ledger.getCell('B3').alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    const date = ledger.getCell('C3').value;
    expect(date).toBeInstanceOf(Date);
    expect((date as Date).toISOString()).toBe('2026-06-30T00:00:00.000Z');
    expect(ledger.getCell('C3').numFmt).toBe('yyyy-mm-dd');
    expect(ledger.rowCount).toBe(2 + 1504);
    expect(ledger.getCell('B1503').value).toBe(special);
    expect(ledger.getCell('B1504').value).toBe(`'=HYPERLINK("http://x","y")`);
    expect(ledger.getCell('B1504').type).toBe(ExcelJS.ValueType.String); // text, not a formula
    expect(ledger.getCell('B1505').value).toBe('长'.repeat(32_000));
    expect(ledger.getCell('B1506').value).toBe('abc');

    const tasks = workbook.getWorksheet('任务清单')!;
    expect(tasks.rowCount).toBe(2 + 1500);
    expect(tasks.getCell('B1502').value).toBe('任务1500');
    expect(tasks.getCell('C1502').value).toBeNull();
    expect(workbook.getWorksheet('责任清单')!.getCell('C3').value).toBe('长期坚持');
    const problems = workbook.getWorksheet('问题清单')!;
    expect((problems.getCell('C3').value as Date).toISOString()).toBe('2025-01-31T00:00:00.000Z');
    expect(problems.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
  });

  it('reads back through exceljs’ streaming reader too', async () => {
    const chunks: Buffer[] = [];
    const book = new XlsxStream(slowSink(chunks), SHEETS, { creator: 'Zhenggai', now: new Date() });
    try {
      const spooled = [await book.spool(2), await book.spool(3)];
      await book.streamed(0, async (sheet) => {
        sheet.rows.add([1, '第一项 & <二>', new Date('2026-06-30T00:00:00Z')]);
        await sheet.flush();
      });
      for (const sheet of spooled) await sheet.end();
      await book.streamed(1, async () => undefined);
      await book.finish();
    } finally {
      await book.dispose();
    }
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(Buffer.concat(chunks)), {
      worksheets: 'emit',
      sharedStrings: 'cache',
      styles: 'cache',
    });
    const rows: unknown[][] = [];
    for await (const sheet of reader) {
      for await (const row of sheet) rows.push((row.values as unknown[]).slice(1));
    }
    expect(rows[2][1]).toBe('第一项 & <二>');
    expect(rows[2][2]).toBeInstanceOf(Date);
  });

  it('stops with an error when the output closes, and still removes its files', async () => {
    const output = new Writable({
      highWaterMark: 16,
      write(_chunk, _encoding, callback) {
        setImmediate(callback);
      },
    });
    const book = new XlsxStream(output, SHEETS, { creator: 'Zhenggai', now: new Date() });
    let spoolDir = '';
    await expect(
      (async () => {
        try {
          await book.spool(2);
          spoolDir = (book as unknown as { spoolDir: string }).spoolDir;
          await book.streamed(0, async (sheet) => {
            for (let i = 0; i < 200; i++) {
              for (let j = 0; j < 100; j++) sheet.rows.add([i, `行${i}-${j}-${Math.random()}`, undefined]);
              if (i === 3) output.destroy();
              await sheet.flush();
            }
          });
        } finally {
          await book.dispose();
        }
      })(),
    ).rejects.toThrow();
    expect(existsSync(spoolDir)).toBe(false);
  });

  it('removes the spool folders of processes that are gone, and only those', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'spool-root-'));
    const gone = path.join(root, '2147483646-abc'); // no such process
    const mine = path.join(root, `${process.pid}-abc`);
    const parent = path.join(root, `${process.ppid}-abc`); // alive
    const other = path.join(root, 'not-a-spool');
    for (const dir of [gone, mine, parent, other]) mkdirSync(dir);
    expect(await removeStaleSpools(root)).toBe(1);
    expect(existsSync(gone)).toBe(false);
    for (const dir of [mine, parent, other]) expect(existsSync(dir)).toBe(true);
    expect(await removeStaleSpools(path.join(root, 'missing'))).toBe(0);
  });

  it('writes rows far beyond one encoding block, and a row longer than a block, intact', async () => {
    const chunks: Buffer[] = [];
    const book = new XlsxStream(slowSink(chunks), SHEETS.slice(0, 1), { creator: 'Zhenggai', now: new Date() });
    const long = '长'.repeat(31_000); // ~93 KB of UTF-8 per cell, three per row: above the 256 KiB block
    try {
      await book.streamed(0, async (sheet) => {
        for (let i = 0; i < 3000; i++) {
          sheet.rows.add([i, `第${i}行 <&> 整改`, undefined]);
          if (i % 500 === 0) await sheet.flush();
        }
        sheet.rows.add([3000, long, long]);
        sheet.rows.add([3001, '最后一行', undefined]);
      });
      await book.finish();
    } finally {
      await book.dispose();
    }
    // every entry's CRC-32 and size (the streamed sheet's from zlib's gzip trailer) match its inflated bytes
    const zip = await JSZip.loadAsync(Buffer.concat(chunks), { checkCRC32: true });
    const sheetXml = await zip.file('xl/worksheets/sheet1.xml')!.async('nodebuffer');
    expect(sheetXml.length).toBeGreaterThan(512 * 1024);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(3).getCell(2).value).toBe('第0行 <&> 整改');
    expect(sheet.getRow(3002).getCell(2).value).toBe('第2999行 <&> 整改');
    expect(sheet.getRow(3003).getCell(2).value).toBe(long);
    expect(sheet.getRow(3003).getCell(3).value).toBe(long);
    expect(sheet.getRow(3004).getCell(2).value).toBe('最后一行');
    expect(sheet.rowCount).toBe(3004);
  });
});
