import { chineseDate } from '../chinese.js';
import { addSheet, text, loadExcelJS } from './sheet.js';

/** What the 考核排名 workbook shows: the ranking as the caller may see it, with the formula it was computed by. */
export interface UnitScoresWorkbookInput {
  /** the inspection's title */
  title: string;
  /** the China calendar day of the export */
  date: string;
  /** the formula in Chinese (describeScoringFormula) */
  formula: string;
  items: Array<{
    rank: number;
    unitName: string;
    score: number;
    measures: number;
    /** rates 0–1 */
    completionRate: number;
    onTimeRate: number;
    reportPunctuality: number;
    returnedCount: number;
    reboundCount: number;
    urgedCount: number;
  }>;
}

const COLUMNS = [
  { header: '排名', width: 6 },
  { header: '单位', width: 24 },
  { header: '得分', width: 8 },
  { header: '措施数', width: 8 },
  { header: '完成率(%)', width: 10 },
  { header: '按期率(%)', width: 10 },
  { header: '报送及时率(%)', width: 12 },
  { header: '退回次数', width: 9 },
  { header: '反弹次数', width: 9 },
  { header: '被催办次数', width: 10 },
];

const pct = (rate: number): number => Math.round(rate * 10000) / 100;

/** 单位考核排名.xlsx: one sheet, one row per unit in rank order, the formula in the title. */
export async function buildUnitScoresWorkbook(input: UnitScoresWorkbookInput): Promise<Buffer> {
  const { Workbook } = await loadExcelJS();
  const workbook = new Workbook();
  workbook.creator = 'Zhenggai';
  addSheet(
    workbook,
    '考核排名',
    text(`${input.title}——单位考核排名（${chineseDate(input.date)}导出；${input.formula}）`) ?? '单位考核排名',
    COLUMNS,
    input.items.map((item) => [
      item.rank,
      text(item.unitName),
      item.score,
      item.measures,
      pct(item.completionRate),
      pct(item.onTimeRate),
      pct(item.reportPunctuality),
      item.returnedCount,
      item.reboundCount,
      item.urgedCount,
    ]),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
