import { chineseDate } from '../chinese.js';
import type { RoundCompilationInput } from '../word/round-document.js';
import { excelDate } from './ledger-columns.js';
import { addSheet, text, type CellInput, loadExcelJS } from './sheet.js';

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

/** 第N期整改进展情况.xlsx: 报送情况 (one row per unit in scope) and 措施进展 (every item of the standing reports). */
export async function buildRoundWorkbook(input: RoundCompilationInput): Promise<Buffer> {
  const { Workbook } = await loadExcelJS();
  const workbook = new Workbook();
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
