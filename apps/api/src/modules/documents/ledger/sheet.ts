import type ExcelJS from 'exceljs';
import { columnLetter, neutraliseFormula } from './ledger-columns.js';

// A sheet in the 整改台账 style for the small workbooks of rounds and look-backs: a title row, a bold header row frozen
// above the data, column widths, wrapped text, dates as dates.

const MAX_CELL = 32000; // Excel holds at most 32,767 characters in a cell

/**
 * exceljs (~30 MB of resident memory once required) loaded on the first workbook made or read, not at boot
 * (docs/performance.md › Idle memory of the API process).
 */
export async function loadExcelJS(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}

export type CellInput = string | number | Date | undefined;

export const text = (value: string | null | undefined): string | undefined =>
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

/** A sheet in the 整改台账 style: title row, bold header row frozen above the data, column widths, wrapped text. */
export function addSheet(
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
