import ExcelJS from 'exceljs';
import { chineseDate } from '../chinese.js';
import type { RoundCompilationInput } from '../word/round-document.js';
import { columnLetter, excelDate, neutraliseFormula } from './ledger-columns.js';

const MAX_CELL = 32000; // Excel holds at most 32,767 characters in a cell

type CellInput = string | number | Date | undefined;

const text = (value: string | null | undefined): string | undefined =>
  value === null || value === undefined || value === ''
    ? undefined
    : neutraliseFormula(value.length > MAX_CELL ? value.slice(0, MAX_CELL) : value);

const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const TEXT_STYLE: Partial<ExcelJS.Style> = { alignment: { wrapText: true, vertical: 'top' } };
const DATE_STYLE: Partial<ExcelJS.Style> = { alignment: { wrapText: true, vertical: 'top' }, numFmt: 'yyyy-mm-dd' };

const UNIT_COLUMNS = [
  { header: '序号', width: 6 },
  { header: '单位', width: 20 },
  { header: '状态', width: 10 },
  { header: '报送时间', width: 18 },
  { header: '报送人', width: 10 },
  { header: '是否逾期', width: 9 },
  { header: '按时情况', width: 10 },
  { header: '措施数', width: 8 },
  { header: '本期新完成', width: 10 },
  { header: '新增逾期', width: 9 },
];

const ITEM_COLUMNS = [
  { header: '序号', width: 6 },
  { header: '单位', width: 18 },
  { header: '措施编号', width: 10 },
  { header: '具体问题', width: 28 },
  { header: '整改措施', width: 48 },
  { header: '完成情况', width: 10 },
  { header: '完成时限', width: 12 },
  { header: '亮灯', width: 8 },
  { header: '本期进展', width: 48 },
];

/** A sheet in the 整改台账 style: title row, bold header row frozen above the data, column widths, wrapped text. */
function addSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  title: string,
  columns: ReadonlyArray<{ header: string; width: number }>,
  rows: CellInput[][],
): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 2 }] });
  sheet.columns = columns.map((column) => ({ width: column.width }));
  const titleRow = sheet.addRow([title]);
  titleRow.height = 32;
  titleRow.getCell(1).font = { bold: true, size: 16 };
  titleRow.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.mergeCells(1, 1, 1, columns.length);
  const header = sheet.addRow(columns.map((column) => column.header));
  header.height = 24;
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7EEF7' } };
  });
  sheet.autoFilter = `A2:${columnLetter(columns.length)}2`;
  for (const values of rows) {
    const row = sheet.addRow(values);
    values.forEach((value, index) => {
      if (value !== undefined) row.getCell(index + 1).style = value instanceof Date ? DATE_STYLE : TEXT_STYLE;
    });
  }
}

/** 第N期整改进展情况.xlsx: 报送情况 (one row per unit in scope) and 措施进展 (every item of the standing reports). */
export async function buildRoundWorkbook(input: RoundCompilationInput): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Zhenggai';
  const title = `${input.number}整改进展情况`;
  addSheet(
    workbook,
    '报送情况',
    `${title}——报送情况（${chineseDate(input.date)}导出）`,
    UNIT_COLUMNS,
    input.units.map((unit, index) => [
      index + 1,
      text(unit.unitName),
      unit.statusLabel,
      text(unit.submittedAt),
      text(unit.submittedBy),
      unit.submitted ? (unit.late ? '是' : '否') : undefined,
      text(unit.punctualityLabel),
      unit.items.length,
      unit.completedSincePrevious,
      unit.newlyOverdue,
    ]),
  );
  let index = 0;
  addSheet(
    workbook,
    '措施进展',
    `${title}——措施进展（${chineseDate(input.date)}导出）`,
    ITEM_COLUMNS,
    input.units.flatMap((unit) =>
      unit.items.map((item): CellInput[] => [
        ++index,
        text(unit.unitName),
        text(item.label),
        text(item.problemTitle),
        text(item.text),
        item.statusLabel,
        item.deadline ? excelDate(item.deadline) : undefined,
        item.lightLabel,
        text(item.progress),
      ]),
    ),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
