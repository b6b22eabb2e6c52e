// The 整改台账 layout (domain.md §3) shared by the export and the import, and the cell rules both rely on.

export const LEDGER_COLUMNS = [
  { key: 'index', header: '序号', width: 6 },
  { key: 'problemLabel', header: '问题编号', width: 8 },
  { key: 'measureSeq', header: '措施序号', width: 8 },
  { key: 'category', header: '问题类别', width: 14 },
  { key: 'problemTitle', header: '具体问题', width: 28 },
  { key: 'text', header: '整改措施', width: 50 },
  { key: 'leader', header: '责任领导', width: 10 },
  { key: 'leadUnit', header: '牵头单位', width: 16 },
  { key: 'coUnits', header: '配合单位', width: 20 },
  { key: 'person', header: '责任人', width: 10 },
  { key: 'deadline', header: '完成时限', width: 12 },
  { key: 'progress', header: '整改进展', width: 40 },
  { key: 'status', header: '完成情况', width: 10 },
  { key: 'evidence', header: '佐证材料', width: 24 },
  { key: 'rules', header: '建章立制', width: 28 },
  { key: 'accountability', header: '问责情况', width: 18 },
  { key: 'signOff', header: '销号情况', width: 28 },
  { key: 'remarks', header: '备注', width: 16 },
] as const;

export type LedgerKey = (typeof LEDGER_COLUMNS)[number]['key'];

/** Column names a ledger from elsewhere may use, by the name the import reads them as. */
export const HEADER_SYNONYMS: Record<string, string[]> = {
  序号: ['序号'],
  问题编号: ['问题编号', '问题序号', '问题号', '编号'],
  措施序号: ['措施序号', '措施编号', '任务序号', '任务编号'],
  问题类别: ['问题类别', '问题类别方面', '类别', '方面'],
  具体问题: ['具体问题', '问题', '问题表现', '问题内容', '问题描述', '反馈问题'],
  整改措施: ['整改措施', '整改任务', '措施', '任务', '整改措施任务'],
  责任领导: ['责任领导', '分管领导', '牵头领导'],
  牵头单位: ['牵头单位', '牵头部门'],
  责任单位: ['责任单位', '责任部门'],
  配合单位: ['配合单位', '配合部门', '协办单位'],
  责任人: ['责任人', '具体责任人', '经办人'],
  完成时限: ['完成时限', '整改时限', '时限', '完成时间', '整改期限'],
  整改进展: ['整改进展', '进展情况', '整改情况', '工作进展'],
  完成情况: ['完成情况', '状态', '整改状态', '完成状态'],
  佐证材料: ['佐证材料', '佐证'],
  建章立制: ['建章立制'],
  问责情况: ['问责情况', '问责'],
  销号情况: ['销号情况', '销号'],
  备注: ['备注'],
};

/** The columns an import writes; the others (进展, 完成情况, 佐证 …) are derived and only exported. */
export const IMPORTED_COLUMNS = [
  '问题编号',
  '措施序号',
  '整改措施',
  '责任领导',
  '牵头单位',
  '责任单位',
  '配合单位',
  '责任人',
  '完成时限',
  '备注',
];

export const LONG_TERM = '长期坚持';

/** A header cell's words without spaces, line breaks, brackets and their content (问题类别(方面) → 问题类别). */
export function normaliseHeader(text: string): string {
  return text
    .replace(/[(（][^)）]*[)）]/g, '')
    .replace(/[\s*＊:：]/g, '')
    .trim();
}

const HEADER_LOOKUP = new Map<string, string>(
  Object.entries(HEADER_SYNONYMS).flatMap(([name, synonyms]) =>
    synonyms.map((synonym) => [synonym, name] as [string, string]),
  ),
);

/** The canonical column a header names, or null. */
export function headerName(text: string): string | null {
  const plain = normaliseHeader(text);
  return HEADER_LOOKUP.get(plain) ?? HEADER_LOOKUP.get(text.replace(/\s/g, '')) ?? null;
}

// SEC-27: a cell that a spreadsheet would read as a formula (or as DDE) is written as text behind a quote
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(text: string): string {
  // a text that already looks escaped is escaped once more, so that the import restores it exactly
  const escaped = FORMULA_START.test(text) || (text.startsWith("'") && FORMULA_START.test(text.slice(1)));
  return escaped ? `'${text}` : text;
}

/** The inverse on import: the quote the export added is not part of the value. */
export function restoreFormulaText(text: string): string {
  if (!text.startsWith("'")) return text;
  const rest = text.slice(1);
  const escaped = FORMULA_START.test(rest) || (rest.startsWith("'") && FORMULA_START.test(rest.slice(1)));
  return escaped ? rest : text;
}

/** Column letters: 1 → A, 27 → AA. */
export function columnLetter(index: number): string {
  let out = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

export function columnIndex(letters: string): number {
  return [...letters.toUpperCase()].reduce((sum, char) => sum * 26 + (char.charCodeAt(0) - 64), 0);
}

type CellValue = unknown;

/** A cell's value as text (rich text, hyperlinks and formula results included); dates as YYYY-MM-DD. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object') {
    const object = value as { richText?: Array<{ text: string }>; text?: unknown; result?: unknown; error?: string };
    if (Array.isArray(object.richText)) return object.richText.map((part) => part.text).join('');
    if (object.text !== undefined) return cellText(object.text);
    if (object.result !== undefined) return cellText(object.result);
  }
  return '';
}

/** A cell's text as the import compares it: formula quote removed, line ends unified, outer space trimmed. */
export function cellString(value: CellValue): string {
  return restoreFormulaText(cellText(value).replace(/\r\n?/g, '\n')).trim();
}

/** 7 / 7. / 7、 / ７． name the same problem. */
export function normaliseLabel(label: string): string {
  return label
    .replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
    .replace(/[\s.．、]+$/g, '')
    .replace(/^[(（](.*)[)）]$/, '$1')
    .trim();
}

export type Deadline = { kind: 'date'; date: string } | { kind: 'long_term' } | { kind: 'none' } | { kind: 'invalid' };

const validDate = (y: number, m: number, d: number): string | null => {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || y < 1990 || y > 2100)
    return null;
  return date.toISOString().slice(0, 10);
};

/** 完成时限 as written in a cell: a date (cell, 2024-06-30, 2024/6/30, 2024.6.30, 2024年6月30日), 长期坚持, or nothing. */
export function parseDeadline(value: CellValue): Deadline {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { kind: 'invalid' };
    return { kind: 'date', date: value.toISOString().slice(0, 10) };
  }
  const text = cellString(value);
  if (text === '') return { kind: 'none' };
  if (/^长期(坚持)?$|^长期整改$|^常态化$/.test(text)) return { kind: 'long_term' };
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  if (match) {
    const date = validDate(Number(match[1]), Number(match[2]), Number(match[3]));
    return date ? { kind: 'date', date } : { kind: 'invalid' };
  }
  return { kind: 'invalid' };
}

/** 配合单位 cells list several units: 、，,；; or line breaks between them. */
export function splitNames(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[、，,；;\n/]+/)
        .map((name) => name.trim())
        .filter(Boolean),
    ),
  ];
}

/** A date as an Excel date cell: UTC midnight, so that the serial is the calendar day whatever the time zone. */
export function excelDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}
