import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { buildRoundWorkbook } from '../ledger/round-workbook.js';
import { renderText } from './gbt9704.js';
import { buildRoundReport, type RoundCompilationInput } from './round-document.js';

const input = (overrides: Partial<RoundCompilationInput> = {}): RoundCompilationInput => ({
  number: '第2期',
  title: '2024年3月整改进展报送',
  periodEnd: '2024-03-15',
  dueDate: '2024-03-20',
  date: '2024-03-21',
  previousNumber: '第1期',
  counts: { expected: 2, submitted: 1, late: 1, missing: 1 },
  units: [
    {
      unitName: '区水务和湖泊局',
      statusLabel: '逾期报送',
      punctualityLabel: '逾期',
      submitted: true,
      submittedAt: '2024-03-21 10:00',
      submittedBy: '张三',
      late: true,
      completedSincePrevious: 1,
      newlyOverdue: 0,
      items: [
        {
          label: '1.(1)',
          problemTitle: '河道治理不到位',
          text: '=开展河道专项整治',
          statusLabel: '已完成',
          deadline: '2024-03-31',
          lightLabel: '已完成',
          progress: '已完成整治',
        },
      ],
    },
    {
      unitName: '区经济和信息化局',
      statusLabel: '未报送',
      punctualityLabel: null,
      submitted: false,
      submittedAt: null,
      submittedBy: null,
      late: false,
      completedSincePrevious: 0,
      newlyOverdue: 0,
      items: [],
    },
  ],
  changes: {
    newlyCompleted: [{ label: '1.(1)', unitName: '区水务和湖泊局' }],
    newlyOverdue: [],
    deadlineChanges: [{ label: '2.(1)', unitName: '区水务和湖泊局', from: '2024-03-01', to: '2024-06-30' }],
  },
  ...overrides,
});

describe('第N期整改进展情况', () => {
  it('prints the counts, each reporting unit, the changes and the missing units', () => {
    const text = renderText(buildRoundReport(input()));
    expect(text).toContain('第2期整改进展情况');
    expect(text).toContain('本期应报送单位2个，已报送1个（其中逾期报送1个），未报送1个。');
    expect(text).toContain('区水务和湖泊局');
    expect(text).toContain('（逾期报送）');
    expect(text).toContain('与第1期相比');
    expect(text).toContain('2.（1）由2024年3月1日调整为2024年6月30日');
    expect(text.slice(text.indexOf('四、未报送单位'))).toContain('区经济和信息化局（未报送），共1个。');
  });

  it('says so when there is no round before and nobody is missing', () => {
    const text = renderText(buildRoundReport(input({ previousNumber: null, units: [input().units[0]] })));
    expect(text).toContain('本期为首期报送，无上期可比。');
    expect(text.slice(text.indexOf('四、未报送单位'))).toContain('无。');
  });

  it('builds the workbook with one row per unit and a formula-safe item sheet', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await buildRoundWorkbook(input())) as unknown as ArrayBuffer);
    const [units, items] = book.worksheets;
    expect(units.rowCount).toBe(2 + 2);
    expect(units.getRow(3).getCell(2).value).toBe('区水务和湖泊局');
    expect(units.getRow(4).getCell(6).value).toBeNull();
    expect(items.rowCount).toBe(2 + 1);
    expect(String(items.getRow(3).getCell(5).value)).not.toMatch(/^=/);
  });
});
