import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { constants, crc32, createGzip, deflateRawSync, type Gzip } from 'node:zlib';
import { columnLetter } from './ledger-columns.js';

// A small streaming .xlsx writer for the 整改台账 workbook: sheet XML built as strings a batch of rows at a time
// (inline strings, no shared-string table), deflated by zlib (in the thread pool, beside the JavaScript that builds
// the next batch) into a zip written straight to the output, with backpressure. Memory holds one batch; sheets
// that are filled in the same pass as another (see LedgerExportService) are deflated into temporary files and
// copied into the zip afterwards, so nothing grows with the ledger.
//
// The zip has no Zip64 records: an entry or the archive above 4 GiB is refused (600,000 measures make ~1.5 GB of
// sheet XML, ~130 MB zipped).

const LEVEL = 3; // measured: level 1–6 write about the same bytes for this XML; 3 is the fastest of the small ones
const CHUNK = 64 * 1024; // zlib's output chunks (16 KiB by default): fewer, larger writes to the zip
const MAX_CELL = 32000; // Excel holds at most 32,767 characters in a cell
const ZIP32_MAX = 0xffffffff;

/** A cell: text (inline string), number, date (a day, written as its serial number in yyyy-mm-dd), or nothing. */
export type XlsxCell = string | number | Date | undefined | null;

export interface XlsxColumn {
  header: string;
  width: number;
}

export interface XlsxSheetSpec {
  name: string;
  title: string;
  columns: ReadonlyArray<XlsxColumn>;
}

// XML 1.0 does not allow these characters at all, not even as references: they are dropped
const INVALID_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const SPECIAL = /[&<>"\r]/g;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\r': '&#13;' };

/** Text as XML element content or attribute value: special characters escaped, invalid characters dropped. */
// any character either regex above could touch (a lone or paired surrogate included): most cells have none
// eslint-disable-next-line no-control-regex
const NEEDS_WORK = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF&<>"\r]/;
const toEntity = (char: string) => ENTITY[char];

// the opening of an inline string's text: `xml:space="preserve"` only where whitespace would otherwise be lost (at
// either end, a line break, a tab, or a run of spaces), as Excel writes it — a fifth of a ledger row's bytes otherwise
const T_PLAIN = '<is><t>';
const T_PRESERVE = '<is><t xml:space="preserve">';
const INNER_SPACE = /[\t\n\r]| {2}/;
const isSpace = (code: number) => code === 32 || code === 9 || code === 10 || code === 13;
export function textOpen(value: string): string {
  if (value.length === 0) return T_PLAIN;
  return isSpace(value.charCodeAt(0)) || isSpace(value.charCodeAt(value.length - 1)) || INNER_SPACE.test(value)
    ? T_PRESERVE
    : T_PLAIN;
}

export function xmlText(value: string): string {
  if (!NEEDS_WORK.test(value)) return value;
  return value.replace(INVALID_XML, '').replace(SPECIAL, toEntity);
}

/** Excel's serial day number of a date (UTC midnight of the calendar day, as `excelDate` makes it). */
export function excelSerial(date: Date): number {
  return date.getTime() / 86_400_000 + 25_569;
}

// style ids of styles.xml below
const S_TITLE = 1;
const S_HEADER = 2;
const S_TEXT = 3;
const S_DATE = 4;

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>\
<fonts count="3">\
<font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>\
<font><b/><sz val="16"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>\
<font><b/><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>\
</fonts>\
<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>\
<fill><patternFill patternType="solid"><fgColor rgb="FFE7EEF7"/><bgColor indexed="64"/></patternFill></fill></fills>\
<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>\
<border><left style="thin"><color indexed="64"/></left><right style="thin"><color indexed="64"/></right>\
<top style="thin"><color indexed="64"/></top><bottom style="thin"><color indexed="64"/></bottom><diagonal/></border></borders>\
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
<cellXfs count="5">\
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>\
<xf numFmtId="0" fontId="2" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>\
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>\
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>\
</cellXfs>\
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>\
</styleSheet>`;

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function contentTypes(sheets: number): string {
  const overrides = Array.from(
    { length: sheets },
    (_, i) =>
      `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  ).join('');
  return `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
<Default Extension="xml" ContentType="application/xml"/>\
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>\
${overrides}</Types>`;
}

const ROOT_RELS = `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>\
</Relationships>`;

const APP = `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application></Properties>`;

function core(creator: string, created: Date): string {
  const when = `${created.toISOString().slice(0, 19)}Z`;
  return `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>${xmlText(creator)}</dc:creator>\
<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>\
<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified></cp:coreProperties>`;
}

const quotedSheet = (name: string) => `'${name.replace(/'/g, "''")}'`;

function workbookXml(sheets: ReadonlyArray<XlsxSheetSpec>): string {
  const list = sheets
    .map((sheet, i) => `<sheet name="${xmlText(sheet.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join('');
  // the header row's filter, as Excel itself names it
  const names = sheets
    .map(
      (sheet, i) =>
        `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${xmlText(
          `${quotedSheet(sheet.name)}!$A$2:$${columnLetter(sheet.columns.length)}$2`,
        )}</definedName>`,
    )
    .join('');
  return `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView activeTab="0"/></bookViews>\
<sheets>${list}</sheets><definedNames>${names}</definedNames><calcPr calcId="171027"/></workbook>`;
}

function workbookRels(sheets: number): string {
  const list = Array.from(
    { length: sheets },
    (_, i) =>
      `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  ).join('');
  return `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${list}\
<Relationship Id="rId${sheets + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
</Relationships>`;
}

// ---- zip ----

type Sink = (chunk: Buffer) => Promise<void>;

/** Writes `chunk` to `stream`, waiting for `drain` when it is full; a stream closed or failed meanwhile throws. */
async function writeTo(stream: Writable, chunk: Buffer): Promise<void> {
  if (stream.destroyed) throw new Error('the output was closed');
  if (stream.write(chunk)) return;
  await drained(stream);
}

/** Waits for `drain` of a full stream; a stream closed or failed meanwhile throws. */
function drained(stream: Writable): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const done = (error?: Error) => {
      stream.off('drain', onDrain);
      stream.off('close', onClose);
      stream.off('error', done);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => done();
    const onClose = () => done(new Error('the output was closed'));
    stream.on('drain', onDrain);
    stream.on('close', onClose);
    stream.on('error', done);
  });
}

/**
 * Writes `chunk` and waits until the stream has processed it (its write callback; the chunks before it are done
 * too); a stream closed or failed meanwhile throws. Listeners are removed once it is settled.
 */
function written(stream: Writable, chunk: Buffer): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let settled = false;
    const done = (error?: Error | null) => {
      if (settled) return;
      settled = true;
      stream.off('close', onClose);
      stream.off('error', done);
      if (error) reject(error);
      else resolve();
    };
    const onClose = () => done(new Error('the output was closed'));
    stream.on('close', onClose);
    stream.on('error', done);
    stream.write(chunk, done);
  });
}

/** Ends `stream` and waits until it has flushed (or closed). */
async function endOf(stream: Writable): Promise<void> {
  if (stream.writableFinished) return;
  await new Promise<void>((resolve, reject) => {
    const done = (error?: Error) => {
      stream.off('finish', onDone);
      stream.off('close', onDone);
      stream.off('error', done);
      if (error) reject(error);
      else resolve();
    };
    const onDone = () => done();
    stream.on('finish', onDone);
    stream.on('close', onDone);
    stream.on('error', done);
    stream.end();
  });
}

interface Deflated {
  crc: number;
  compressedSize: number;
  size: number;
}

const GZIP_HEADER = 10; // zlib's gzip header without name, comment or extra field
const GZIP_TRAILER = 8; // CRC-32 and the input's size modulo 2^32, little-endian

/**
 * A deflated stream of one zip entry: text in, raw deflate out to `sink`, with its CRC-32 and sizes. zlib runs it as
 * gzip so that the CRC-32 of the input is computed in the thread pool beside the deflate (zip and gzip use the same
 * CRC-32), not on the main thread: the gzip header is skipped and the trailer held back and read at the end.
 */
class DeflateEntry {
  private readonly deflate: Gzip = createGzip({
    level: LEVEL,
    memLevel: 9,
    strategy: constants.Z_DEFAULT_STRATEGY,
    chunkSize: CHUNK,
  });
  private readonly pump: Promise<void>;
  private failure: Error | null = null;
  private size = 0;
  private compressedSize = 0;
  private header = GZIP_HEADER; // bytes of the header still to skip
  private held: Buffer = Buffer.alloc(0); // the last bytes seen, which may be the trailer

  constructor(sink: Sink) {
    this.pump = (async () => {
      for await (const output of this.deflate as AsyncIterable<Buffer>) {
        let chunk = output;
        if (this.header > 0) {
          const skipped = Math.min(this.header, chunk.length);
          this.header -= skipped;
          chunk = chunk.subarray(skipped);
        }
        if (chunk.length === 0) continue;
        const all = this.held.length > 0 ? Buffer.concat([this.held, chunk]) : chunk;
        const body = all.subarray(0, Math.max(0, all.length - GZIP_TRAILER));
        this.held = Buffer.from(all.subarray(body.length));
        if (body.length === 0) continue;
        this.compressedSize += body.length;
        await sink(body);
      }
    })();
    // a failure surfaces where the entry is written or ended: a writer waiting for `drain` is woken by the destroy
    this.pump.catch((error: unknown) => {
      this.failure = error instanceof Error ? error : new Error(String(error));
      this.deflate.destroy(this.failure);
    });
  }

  /**
   * Writes text or encoded chunks; resolves once zlib has read them all (the last chunk's write callback: chunks
   * are processed in order), so at most one call's bytes wait in memory and the caller may reuse the chunks.
   */
  async write(data: string | ReadonlyArray<Buffer>): Promise<void> {
    if (this.failure) throw this.failure;
    const chunks = typeof data === 'string' ? (data.length > 0 ? [Buffer.from(data, 'utf8')] : []) : data;
    if (chunks.length === 0) return;
    let last: Promise<void> = Promise.resolve();
    for (let i = 0; i < chunks.length; i++) {
      const chunk = chunks[i];
      this.size += chunk.length;
      if (this.size > ZIP32_MAX) throw new Error('a worksheet above 4 GiB needs Zip64');
      if (this.deflate.destroyed) throw this.failure ?? new Error('the output was closed');
      if (i < chunks.length - 1) this.deflate.write(chunk);
      else last = written(this.deflate, chunk);
    }
    try {
      await last;
    } catch (error) {
      throw this.failure ?? error;
    }
  }

  async end(): Promise<Deflated> {
    if (this.failure) throw this.failure;
    this.deflate.end();
    await this.pump;
    if (this.failure) throw this.failure;
    const trailer = this.held;
    if (this.header > 0 || trailer.length !== GZIP_TRAILER || trailer.readUInt32LE(4) !== this.size >>> 0)
      throw new Error('zlib ended the entry without its gzip trailer');
    return { crc: trailer.readUInt32LE(0), compressedSize: this.compressedSize, size: this.size };
  }

  destroy(): void {
    this.deflate.destroy();
  }
}

interface CentralEntry extends Deflated {
  name: Buffer;
  offset: number;
  descriptor: boolean;
}

function dosDateTime(date: Date): { time: number; day: number } {
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2),
    day: ((Math.max(1980, date.getFullYear()) - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

/** A zip (deflate, no Zip64) written as it goes: entries from text, from a deflated stream, or from a spool file. */
class ZipStream {
  private offset = 0;
  private readonly entries: CentralEntry[] = [];
  private readonly stamp: { time: number; day: number };

  constructor(
    private readonly output: Writable,
    now: Date,
  ) {
    this.stamp = dosDateTime(now);
  }

  readonly raw: Sink = async (chunk) => {
    this.offset += chunk.length;
    if (this.offset > ZIP32_MAX) throw new Error('a workbook above 4 GiB needs Zip64');
    await writeTo(this.output, chunk);
  };

  private localHeader(name: Buffer, descriptor: boolean, entry: Deflated): Buffer {
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    header.writeUInt16LE((descriptor ? 0x0008 : 0) | 0x0800, 6); // sizes after the data; UTF-8 names
    header.writeUInt16LE(8, 8); // deflate
    header.writeUInt16LE(this.stamp.time, 10);
    header.writeUInt16LE(this.stamp.day, 12);
    header.writeUInt32LE(entry.crc, 14);
    header.writeUInt32LE(entry.compressedSize, 18);
    header.writeUInt32LE(entry.size, 22);
    header.writeUInt16LE(name.length, 26);
    header.writeUInt16LE(0, 28);
    return Buffer.concat([header, name]);
  }

  /** A small part, deflated at once. */
  async addText(name: string, text: string): Promise<void> {
    const data = Buffer.from(text, 'utf8');
    const compressed = deflateRawSync(data, { level: LEVEL });
    const entry: Deflated = { crc: crc32(data) >>> 0, compressedSize: compressed.length, size: data.length };
    const nameBytes = Buffer.from(name, 'utf8');
    const offset = this.offset;
    await this.raw(this.localHeader(nameBytes, false, entry));
    await this.raw(compressed);
    this.entries.push({ ...entry, name: nameBytes, offset, descriptor: false });
  }

  /** An entry streamed straight into the zip; its CRC and sizes follow in a data descriptor. */
  async open(name: string): Promise<{ entry: DeflateEntry; close: () => Promise<void> }> {
    const nameBytes = Buffer.from(name, 'utf8');
    const offset = this.offset;
    await this.raw(this.localHeader(nameBytes, true, { crc: 0, compressedSize: 0, size: 0 }));
    const entry = new DeflateEntry(this.raw);
    const close = async () => {
      const done = await entry.end();
      const descriptor = Buffer.alloc(16);
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(done.crc, 4);
      descriptor.writeUInt32LE(done.compressedSize, 8);
      descriptor.writeUInt32LE(done.size, 12);
      await this.raw(descriptor);
      this.entries.push({ ...done, name: nameBytes, offset, descriptor: true });
    };
    return { entry, close };
  }

  /** An entry deflated earlier into `file`, copied in. */
  async addSpooled(name: string, file: string, deflated: Deflated): Promise<void> {
    const nameBytes = Buffer.from(name, 'utf8');
    const offset = this.offset;
    await this.raw(this.localHeader(nameBytes, false, deflated));
    for await (const chunk of createReadStream(file, { highWaterMark: 256 * 1024 }) as AsyncIterable<Buffer>)
      await this.raw(chunk);
    this.entries.push({ ...deflated, name: nameBytes, offset, descriptor: false });
  }

  async finish(): Promise<void> {
    const start = this.offset;
    const records = this.entries.map((entry) => {
      const record = Buffer.alloc(46);
      record.writeUInt32LE(0x02014b50, 0);
      record.writeUInt16LE(20, 4); // made by: 2.0, MS-DOS attributes
      record.writeUInt16LE(20, 6);
      record.writeUInt16LE((entry.descriptor ? 0x0008 : 0) | 0x0800, 8);
      record.writeUInt16LE(8, 10);
      record.writeUInt16LE(this.stamp.time, 12);
      record.writeUInt16LE(this.stamp.day, 14);
      record.writeUInt32LE(entry.crc, 16);
      record.writeUInt32LE(entry.compressedSize, 20);
      record.writeUInt32LE(entry.size, 24);
      record.writeUInt16LE(entry.name.length, 28);
      record.writeUInt32LE(entry.offset, 42);
      return Buffer.concat([record, entry.name]);
    });
    const directory = Buffer.concat(records);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(start, 16);
    await this.raw(Buffer.concat([directory, end]));
    await endOf(this.output);
  }
}

// ---- spool folders ----

/** Where the spool files of this machine's exports go: one folder per export, named after the process. */
export const SPOOL_ROOT = path.join(tmpdir(), 'zhenggai-xlsx');

async function newSpoolDir(): Promise<string> {
  await mkdir(SPOOL_ROOT, { recursive: true });
  return mkdtemp(path.join(SPOOL_ROOT, `${process.pid}-`));
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Removes the spool folders left by processes that are gone (a crash or a kill during an export); the folders of
 * live processes (another API on the same machine) are left alone. Returns how many were removed.
 */
export async function removeStaleSpools(root = SPOOL_ROOT): Promise<number> {
  let names: string[];
  try {
    names = await readdir(root);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const pid = Number(/^(\d+)-/.exec(name)?.[1]);
    if (!Number.isInteger(pid) || pid === process.pid || alive(pid)) continue;
    await rm(path.join(root, name), { recursive: true, force: true });
    removed++;
  }
  return removed;
}

// ---- sheets ----

const BLOCK = 256 * 1024; // bytes of encoded rows per buffer handed to zlib
const MAX_FREE = 64; // blocks kept for reuse per sheet (16 MiB)

/**
 * Rows of one worksheet as UTF-8 XML: cells of a row after the header get `r` references and the data styles.
 * Each row's text is encoded into a buffer of BLOCK bytes as soon as it is built, so the JavaScript strings die
 * young (no batch-sized string to join, flatten and promote to the old generation: that garbage was most of the
 * export's GC time and of its memory growth) and what a batch holds is its bytes, outside the JavaScript heap.
 */
export class SheetRows {
  private rowNumber = 2;
  private readonly letters: string[];
  private block: Buffer | null = null;
  private used = 0;
  private ready: Buffer[] = [];
  // blocks zlib has finished reading, reused: without them the freed blocks wait for a GC that V8 only starts
  // when some 64 MB of external memory has piled up
  private readonly free: Buffer[] = [];

  constructor(columns: number) {
    this.letters = Array.from({ length: columns }, (_, i) => columnLetter(i + 1));
  }

  /** Adds a data row; text is capped at 32,000 characters (the caller neutralises formulas). */
  add(values: ReadonlyArray<XlsxCell>): void {
    const r = ++this.rowNumber;
    let xml = `<row r="${r}">`;
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      if (value === undefined || value === null) continue;
      if (typeof value === 'string') {
        const capped = value.length > MAX_CELL ? value.slice(0, MAX_CELL) : value;
        xml += `<c r="${this.letters[i]}${r}" s="${S_TEXT}" t="inlineStr">${textOpen(capped)}${xmlText(capped)}</t></is></c>`;
      } else if (typeof value === 'number') {
        if (Number.isFinite(value)) xml += `<c r="${this.letters[i]}${r}" s="${S_TEXT}"><v>${value}</v></c>`;
      } else if (!Number.isNaN(value.getTime())) {
        xml += `<c r="${this.letters[i]}${r}" s="${S_DATE}"><v>${excelSerial(value)}</v></c>`;
      }
    }
    this.append(`${xml}</row>`);
  }

  /** Appends text (encoded at once). */
  append(text: string): void {
    // a UTF-16 code unit is at most 3 bytes of UTF-8
    const most = text.length * 3;
    if (this.block && this.used + most > this.block.length) this.seal();
    if (most > BLOCK) {
      this.ready.push(Buffer.from(text, 'utf8'));
      return;
    }
    this.block ??= this.free.pop() ?? Buffer.allocUnsafeSlow(BLOCK);
    this.used += this.block.write(text, this.used, 'utf8');
  }

  private seal(): void {
    if (this.block && this.used > 0) this.ready.push(this.block.subarray(0, this.used));
    this.block = null;
    this.used = 0;
  }

  /** The bytes of the rows added since the last call. */
  take(): Buffer[] {
    this.seal();
    const taken = this.ready;
    this.ready = [];
    return taken;
  }

  /** Gives back chunks of `take()` that zlib has finished reading (their blocks are filled again). */
  recycle(chunks: ReadonlyArray<Buffer>): void {
    for (const chunk of chunks) {
      // only whole blocks of ours (a long row's own buffer is left to the GC)
      if (chunk.buffer.byteLength !== BLOCK || chunk.byteOffset !== 0 || this.free.length >= MAX_FREE) continue;
      this.free.push(Buffer.from(chunk.buffer, 0, BLOCK));
    }
  }
}

/** The rows taken from `rows` written to `entry`; their blocks are reused once zlib has read them (`drain`). */
async function writeRows(entry: DeflateEntry, rows: SheetRows): Promise<void> {
  const chunks = rows.take();
  await entry.write(chunks);
  rows.recycle(chunks);
}

function sheetHead(spec: XlsxSheetSpec, first: boolean): string {
  const cols = spec.columns
    .map((column, i) => `<col min="${i + 1}" max="${i + 1}" width="${column.width}" customWidth="1"/>`)
    .join('');
  const headers = spec.columns
    .map(
      (column, i) =>
        `<c r="${columnLetter(i + 1)}2" s="${S_HEADER}" t="inlineStr"><is><t xml:space="preserve">${xmlText(column.header)}</t></is></c>`,
    )
    .join('');
  return `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetPr><outlinePr summaryBelow="0"/></sheetPr>\
<sheetViews><sheetView workbookViewId="0"${first ? ' tabSelected="1"' : ''}>\
<pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A3" sqref="A3"/>\
</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>\
<row r="1" ht="32" customHeight="1"><c r="A1" s="${S_TITLE}" t="inlineStr"><is><t xml:space="preserve">${xmlText(spec.title)}</t></is></c></row>\
<row r="2" ht="24" customHeight="1">${headers}</row>`;
}

function sheetTail(spec: XlsxSheetSpec): string {
  const last = columnLetter(spec.columns.length);
  return `</sheetData><autoFilter ref="A2:${last}2"/><mergeCells count="1"><mergeCell ref="A1:${last}1"/></mergeCells>\
<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
}

/** One worksheet being written: `rows` to add to, `flush()` after a batch, `end()` once. */
export interface SheetWriter {
  readonly rows: SheetRows;
  flush(): Promise<void>;
}

/**
 * The workbook: `sheets` fixed up front (their order is the tabs' order). Each sheet is written once, either
 * `streamed` (straight into the zip; one at a time) or `spooled` (deflated into a temporary file, any number at
 * once, copied into the zip by `finish`). `finish` must be called, `dispose` always (it removes the spool files).
 */
export class XlsxStream {
  private readonly zip: ZipStream;
  private spoolDir: string | null = null;
  private readonly spooled: Array<{ index: number; file: string; deflated: Deflated }> = [];
  private readonly open = new Set<{ destroy(): void }>();
  private started = false;

  constructor(
    output: Writable,
    private readonly sheets: ReadonlyArray<XlsxSheetSpec>,
    private readonly options: { creator: string; now: Date },
  ) {
    this.zip = new ZipStream(output, options.now);
  }

  private async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    // the small parts first, so that a streaming reader knows the styles before the first sheet
    await this.zip.addText('[Content_Types].xml', contentTypes(this.sheets.length));
    await this.zip.addText('_rels/.rels', ROOT_RELS);
    await this.zip.addText('docProps/app.xml', APP);
    await this.zip.addText('docProps/core.xml', core(this.options.creator, this.options.now));
    await this.zip.addText('xl/workbook.xml', workbookXml(this.sheets));
    await this.zip.addText('xl/_rels/workbook.xml.rels', workbookRels(this.sheets.length));
    await this.zip.addText('xl/styles.xml', STYLES);
  }

  /** Writes sheet `index` straight into the zip while `fill` adds its rows (flushing after each batch). */
  async streamed(index: number, fill: (sheet: SheetWriter) => Promise<void>): Promise<void> {
    await this.start();
    const spec = this.sheets[index];
    const { entry, close } = await this.zip.open(`xl/worksheets/sheet${index + 1}.xml`);
    this.open.add(entry);
    const rows = new SheetRows(spec.columns.length);
    await entry.write(sheetHead(spec, index === 0));
    await fill({ rows, flush: () => writeRows(entry, rows) });
    rows.append(sheetTail(spec));
    await entry.write(rows.take());
    await close();
    this.open.delete(entry);
  }

  /** Opens sheet `index` into a temporary file; `flush()` after each batch, `end()` when its rows are all added. */
  async spool(index: number): Promise<SheetWriter & { end(): Promise<void> }> {
    this.spoolDir ??= await newSpoolDir();
    const spec = this.sheets[index];
    const file = path.join(this.spoolDir, `sheet${index + 1}.deflate`);
    const stream = createWriteStream(file);
    // an error between two waits is kept (not thrown as an unhandled 'error'); `writeTo` sees the stream destroyed
    let failure: Error | null = null;
    stream.on('error', (error) => (failure ??= error));
    const entry = new DeflateEntry((chunk) => writeTo(stream, chunk));
    this.open.add(entry);
    this.open.add(stream);
    const rows = new SheetRows(spec.columns.length);
    await entry.write(sheetHead(spec, index === 0));
    return {
      rows,
      flush: () => writeRows(entry, rows),
      end: async () => {
        rows.append(sheetTail(spec));
        await entry.write(rows.take());
        const deflated = await entry.end();
        this.open.delete(entry);
        await endOf(stream);
        this.open.delete(stream);
        if (failure) throw failure;
        if ((await stat(file)).size !== deflated.compressedSize) throw new Error('the spooled sheet is incomplete');
        this.spooled.push({ index, file, deflated });
      },
    };
  }

  /** The spooled sheets copied in, then the zip's directory; the output is ended (as exceljs' writer did). */
  async finish(): Promise<void> {
    await this.start();
    for (const sheet of this.spooled.sort((a, b) => a.index - b.index))
      await this.zip.addSpooled(`xl/worksheets/sheet${sheet.index + 1}.xml`, sheet.file, sheet.deflated);
    await this.zip.finish();
  }

  /** Stops what is still open and removes the temporary files. */
  async dispose(): Promise<void> {
    for (const entry of this.open) entry.destroy();
    this.open.clear();
    if (this.spoolDir) await rm(this.spoolDir, { recursive: true, force: true });
    this.spoolDir = null;
  }
}
