import { chineseDate } from '../chinese.js';
import type { LookbackReportInput } from '../word/lookback-document.js';
import { excelDate } from './ledger-columns.js';
import { addSheet, text, loadExcelJS } from './sheet.js';

const ITEM_COLUMNS = [
  { header: '序号', width: 6 },
  { header: '单位', width: 18 },
  { header: '措施编号', width: 10 },
  { header: '具体问题', width: 28 },
  { header: '整改措施', width: 48 },
  { header: '抽取方式', width: 9 },
  { header: '抽查时状态', width: 10 },
  { header: '核查结果', width: 9 },
  { header: '核查情况', width: 40 },
  { header: '新整改时限', width: 12 },
  { header: '当前状态', width: 10 },
  { header: '核查人', width: 10 },
  { header: '成效评估', width: 10 },
];

const UNIT_COLUMNS = [
  { header: '序号', width: 6 },
  { header: '单位', width: 24 },
  { header: '抽查', width: 8 },
  { header: '已核查', width: 8 },
  { header: '反弹', width: 8 },
  { header: '反弹率(%)', width: 10 },
];

/** 第N次回头看情况.xlsx: 抽查清单 (one row per item) and 各单位反弹率 (one row per unit). */
export async function buildLookbackWorkbook(input: LookbackReportInput): Promise<Buffer> {
  const { Workbook } = await loadExcelJS();
  const workbook = new Workbook();
  workbook.creator = 'Zhenggai';
  const title = `${input.number}情况`;
  const exported = `（随机种子 ${input.seed}，${chineseDate(input.date)}导出）`;
  addSheet(
    workbook,
    '抽查清单',
    `${title}——抽查清单${exported}`,
    ITEM_COLUMNS,
    input.items.map((item, index) => [
      index + 1,
      text(item.unitName),
      text(item.label),
      text(item.problemTitle),
      text(item.text),
      item.manual ? '加抽' : '随机抽取',
      item.statusAtDrawLabel,
      item.resultLabel ?? '未核查',
      text(item.finding),
      item.deadline ? excelDate(item.deadline) : undefined,
      item.measureStatusLabel,
      text(item.checkedBy),
      item.effectivenessLabel ?? '未评估',
    ]),
  );
  addSheet(
    workbook,
    '各单位反弹率',
    `${title}——各单位反弹率${exported}`,
    UNIT_COLUMNS,
    input.units.map((unit, index) => [
      index + 1,
      text(unit.unitName),
      unit.items,
      unit.checked,
      unit.rebounded,
      unit.reboundRatePct,
    ]),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
