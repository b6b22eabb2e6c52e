import type ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { AppError } from '../../../common/errors/app-error.js';
import { readZipDirectory } from '../../attachments/evidence-type.js';
import { HEADER_SYNONYMS, cellText, columnIndex, columnLetter, headerName } from './ledger-columns.js';
import { loadExcelJS } from './sheet.js';

/**
 * The most rows one import takes: a province's ledger (hundreds of thousands of measures across many inspections,
 * one inspection's sheet well under this). Above it the file is refused (400) before anything is planned.
 */
export const MAX_LEDGER_ROWS = 200000;
const MAX_INFLATED_BYTES = 200 * 1024 * 1024;
const HEADER_SEARCH_ROWS = 20;

export interface LedgerMapping {
  headerRow?: number;
  columns: Record<string, string | number>;
}

export interface SheetRow {
  row: number;
  cells: Record<string, unknown>;
}

export interface ReadSheet {
  sheet: string;
  headerRow: number;
  /** canonical column name → 1-based column index */
  columns: Map<string, number>;
  rows: SheetRow[];
}

/** The optional `mapping` field: JSON `{ "整改措施": "F", "牵头单位": "主办单位", "headerRow": 3 }`. */
export function parseMapping(raw: string | undefined): LedgerMapping | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new AppError('VALIDATION_FAILED', '列对应关系不是有效的 JSON', { errors: { mapping: ['应为 JSON 对象'] } });
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new AppError('VALIDATION_FAILED', '列对应关系应为 JSON 对象', { errors: { mapping: ['应为 JSON 对象'] } });
  }
  const mapping: LedgerMapping = { columns: {} };
  const errors: string[] = [];
  for (const [key, column] of Object.entries(value as Record<string, unknown>)) {
    if (key === 'headerRow') {
      if (Number.isInteger(column) && (column as number) >= 1 && (column as number) <= 1000)
        mapping.headerRow = column as number;
      else errors.push('headerRow 应为 1–1000 的整数');
    } else if (!(key in HEADER_SYNONYMS)) {
      errors.push(`不认识的列名“${key}”`);
    } else if (
      (typeof column === 'string' && column.trim() !== '' && column.length <= 100) ||
      (Number.isInteger(column) && (column as number) >= 1 && (column as number) <= 200)
    ) {
      mapping.columns[key] = column as string | number;
    } else {
      errors.push(`“${key}”应对应列字母、列号或表头文字`);
    }
  }
  if (errors.length > 0) throw new AppError('VALIDATION_FAILED', '列对应关系不正确', { errors: { mapping: errors } });
  return mapping;
}

function detectColumns(values: unknown[]): Map<string, number> {
  const found = new Map<string, number>();
  values.forEach((value, index) => {
    const name = typeof value === 'string' || (value && typeof value === 'object') ? headerName(cellText(value)) : null;
    if (name && !found.has(name)) found.set(name, index);
  });
  return found;
}

function applyMapping(header: unknown[], detected: Map<string, number>, mapping: LedgerMapping): Map<string, number> {
  const columns = new Map(detected);
  const errors: string[] = [];
  for (const [name, target] of Object.entries(mapping.columns)) {
    let index: number | null = null;
    if (typeof target === 'number') index = target;
    else if (/^[A-Za-z]{1,3}$/.test(target.trim())) index = columnIndex(target.trim());
    else {
      const position = header.findIndex((value) => cellText(value).replace(/\s/g, '') === target.replace(/\s/g, ''));
      if (position > 0) index = position;
    }
    if (index === null) errors.push(`未找到“${name}”对应的列“${target}”`);
    else {
      // a column mapped by hand is no longer read as whatever its header said
      for (const [other, position] of columns) if (position === index) columns.delete(other);
      columns.set(name, index);
    }
  }
  if (errors.length > 0) throw new AppError('VALIDATION_FAILED', '列对应关系不正确', { errors: { mapping: errors } });
  return columns;
}

const usable = (columns: Map<string, number>) =>
  columns.has('整改措施') && (columns.has('问题编号') || columns.has('序号'));

type Chunks = AsyncIterable<Buffer | string>;
interface ReaderInternals {
  _parseWorksheet(iterator: Chunks, sheetNo: string): Iterable<unknown>;
  _parseHyperlinks(iterator: Chunks, sheetNo: string): Iterable<unknown>;
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncIterable<unknown>;
  _parseStyles(entry: NodeJS.ReadableStream): Promise<void>;
  _parseWorkbook(entry: NodeJS.ReadableStream): Promise<void>;
  _parseRels(entry: NodeJS.ReadableStream): Promise<void>;
}

/** The bytes of a zip entry as text, a character split across two chunks kept whole. */
async function* utf8(chunks: Chunks): AsyncIterable<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (text !== '') yield text;
  }
  const rest = decoder.decode();
  if (rest !== '') yield rest;
}

/**
 * exceljs 4.4's streaming reader decodes every chunk of an entry on its own (`TextDecoder#decode` without
 * `stream: true`, utils/parse-sax.js), so a multi-byte character that falls on a chunk boundary becomes U+FFFD —
 * in worksheets (inline strings, what our export writes) and in the shared strings alike. It passes strings
 * through untouched, so this hands it text already decoded across chunks: worksheets through `utf8`, the other
 * entries with `setEncoding('utf8')` (Node's StringDecoder, which keeps split characters).
 */
function decodeAcrossChunks(reader: ExcelJS.stream.xlsx.WorkbookReader): void {
  const internals = reader as unknown as ReaderInternals;
  const worksheet = internals._parseWorksheet.bind(reader);
  internals._parseWorksheet = (iterator, sheetNo) => worksheet(utf8(iterator), sheetNo);
  const hyperlinks = internals._parseHyperlinks.bind(reader);
  internals._parseHyperlinks = (iterator, sheetNo) => hyperlinks(utf8(iterator), sheetNo);
  for (const method of ['_parseSharedStrings', '_parseStyles', '_parseWorkbook', '_parseRels'] as const) {
    const original = (internals[method] as (entry: NodeJS.ReadableStream) => unknown).bind(reader);
    (internals as unknown as Record<string, (entry: NodeJS.ReadableStream) => unknown>)[method] = (entry) =>
      original(entry.setEncoding('utf8'));
  }
}

/**
 * Reads the ledger sheet of an .xlsx as a stream (memory stays flat): the first sheet whose header row (within its
 * first 20 rows, or `mapping.headerRow`) names the measure and the problem number; its rows as cells by column name.
 */
export async function readLedgerSheet(buffer: Buffer, mapping?: LedgerMapping): Promise<ReadSheet> {
  const directory = readZipDirectory(buffer);
  if (!directory || !directory.entries.some((entry) => entry.name.startsWith('xl/'))) {
    throw new AppError('FILE_TYPE_NOT_ALLOWED', '请上传 Excel 工作簿（.xlsx）');
  }
  if (directory.entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0) > MAX_INFLATED_BYTES)
    throw new AppError('ARCHIVE_TOO_LARGE');

  const { stream } = await loadExcelJS();
  const reader = new stream.xlsx.WorkbookReader(Readable.from(buffer), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // dates are told from numbers by their format
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  decodeAcrossChunks(reader);
  let result: ReadSheet | null = null;
  let sheetNumber = 0;
  let overflow = false;
  try {
    for await (const worksheet of reader) {
      sheetNumber++;
      if (result) {
        // the rest of the workbook is not needed, but the reader must be drained to finish
        for await (const row of worksheet) void row;
        continue;
      }
      let columns: Map<string, number> | null = null;
      let headerRow = 0;
      const rows: SheetRow[] = [];
      for await (const row of worksheet) {
        const values = (row.values as unknown[]) ?? [];
        if (!columns) {
          const wanted = mapping?.headerRow;
          if (wanted !== undefined ? row.number === wanted : row.number <= HEADER_SEARCH_ROWS) {
            const detected = mapping ? applyMapping(values, detectColumns(values), mapping) : detectColumns(values);
            if (usable(detected)) {
              columns = detected;
              headerRow = row.number;
            }
          }
          continue;
        }
        // read to the end even so: the reader removes its temporary files only when it finishes
        if (rows.length >= MAX_LEDGER_ROWS) {
          overflow = true;
          continue;
        }
        const cells: Record<string, unknown> = {};
        for (const [name, index] of columns) cells[name] = values[index];
        rows.push({ row: row.number, cells });
      }
      if (columns) {
        const name = (worksheet as unknown as { name?: string }).name;
        result = {
          sheet: name && !/^Sheet\d+$/.test(name) ? name : `第${sheetNumber}个工作表`,
          headerRow,
          columns,
          rows,
        };
      }
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('FILE_UNREADABLE');
  }
  if (overflow) {
    throw new AppError('VALIDATION_FAILED', `表格不能超过 ${MAX_LEDGER_ROWS} 行`, {
      errors: { file: [`最多 ${MAX_LEDGER_ROWS} 行`] },
    });
  }
  if (!result) {
    throw new AppError(
      'VALIDATION_FAILED',
      '未找到台账表头：需要“整改措施”和“问题编号”（或“序号”）列，可用 mapping 指定',
      {
        errors: { file: ['未找到表头'] },
      },
    );
  }
  return result;
}

/** Column name → letter, for the answer. */
export function columnLetters(columns: Map<string, number>): Record<string, string> {
  return Object.fromEntries(
    [...columns].sort((a, b) => a[1] - b[1]).map(([name, index]) => [name, columnLetter(index)]),
  );
}
