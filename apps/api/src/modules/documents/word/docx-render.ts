import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IRunOptions,
} from 'docx';
import {
  CHAR,
  FONTS,
  FOOTER_DISTANCE,
  LINE,
  MARGIN,
  PAGE,
  SIZE,
  TABLE_LINE,
  TEXT_WIDTH,
  font,
  mm,
  typeset,
  type Block,
  type WordDocument,
} from './gbt9704.js';

// The .docx writer of gbt9704.ts, apart so that `docx` (~11 MB resident once required) is loaded on the first Word
// document asked for, not at boot (docs/performance.md › Idle memory of the API process). Only gbt9704.ts's
// renderDocx imports this file.

const run = (text: string, options: Omit<IRunOptions, 'text'> & { fontName: string }) => {
  const { fontName, ...rest } = options;
  return new TextRun({ text: typeset(text), font: font(fontName), size: SIZE.body, ...rest });
};

const exact = { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
const indented = { firstLine: 2 * CHAR, firstLineChars: 200 };

function paragraph(block: Exclude<Block, { kind: 'table' }>): Paragraph[] {
  switch (block.kind) {
    case 'title':
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: exact,
          children: [run(block.text, { fontName: FONTS.title, size: SIZE.title })],
        }),
        new Paragraph({ spacing: exact, children: [] }),
      ];
    case 'addressee':
      return [new Paragraph({ spacing: exact, children: [run(block.text, { fontName: FONTS.body })] })];
    case 'heading1':
      return [
        new Paragraph({ spacing: exact, indent: indented, children: [run(block.text, { fontName: FONTS.heading1 })] }),
      ];
    case 'heading2':
    case 'heading3': {
      const head =
        block.kind === 'heading2'
          ? run(block.text, { fontName: FONTS.heading2 })
          : run(block.text, { fontName: FONTS.body, bold: true });
      const children = block.rest ? [head, run(block.rest, { fontName: FONTS.body })] : [head];
      return [new Paragraph({ spacing: exact, indent: indented, children })];
    }
    case 'paragraph':
      return [
        new Paragraph({ spacing: exact, indent: indented, children: [run(block.text, { fontName: FONTS.body })] }),
      ];
    case 'blank':
      return [new Paragraph({ spacing: exact, children: [] })];
    case 'signature':
      // 成文日期右空四字, the issuer above it
      return [
        new Paragraph({ spacing: exact, children: [] }),
        new Paragraph({
          alignment: AlignmentType.RIGHT,
          spacing: exact,
          indent: { right: 4 * CHAR },
          children: [run(block.issuer, { fontName: FONTS.body })],
        }),
        new Paragraph({
          alignment: AlignmentType.RIGHT,
          spacing: exact,
          indent: { right: 4 * CHAR },
          children: [run(block.date, { fontName: FONTS.body })],
        }),
      ];
  }
}

const cellBorder = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: cellBorder, bottom: cellBorder, left: cellBorder, right: cellBorder };

function cell(text: string, width: number, header: boolean): TableCell {
  const lines = text.split('\n');
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders,
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: 80, right: 80, top: 40, bottom: 40 },
    children: lines.map(
      (line) =>
        new Paragraph({
          alignment: header ? AlignmentType.CENTER : AlignmentType.LEFT,
          spacing: { line: TABLE_LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
          children: [run(line, { fontName: header ? FONTS.heading1 : FONTS.body, size: SIZE.table })],
        }),
    ),
  });
}

function table(block: Extract<Block, { kind: 'table' }>): Table {
  // relative widths scaled to the text block
  const total = block.columns.reduce((sum, column) => sum + column.width, 0);
  const widths = block.columns.map((column) => Math.floor((column.width / total) * TEXT_WIDTH));
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: block.columns.map((column, i) => cell(column.title, widths[i], true)),
      }),
      ...block.rows.map(
        (row) => new TableRow({ cantSplit: true, children: row.map((text, i) => cell(text, widths[i], false)) }),
      ),
    ],
  });
}

// "— 1 —": 4号 半角宋体, odd pages on the right and even pages on the left, one character in from the edge
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: 280 } : { left: 280 },
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: font(FONTS.pageNumber),
            size: SIZE.pageNumber,
          }),
        ],
      }),
    ],
  });
}

export async function writeDocx(document: WordDocument): Promise<Buffer> {
  const children: Array<Paragraph | Table> = [];
  for (const block of document.blocks) {
    if (block.kind === 'table') {
      children.push(table(block));
      children.push(new Paragraph({ spacing: exact, children: [] }));
    } else children.push(...paragraph(block));
  }
  const doc = new Document({
    title: document.title,
    creator: 'Zhenggai',
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: { document: { run: { font: font(FONTS.body), size: SIZE.body }, paragraph: { spacing: exact } } },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { ...MARGIN, header: mm(15), footer: FOOTER_DISTANCE },
          },
          // 22 lines on the page grid (w:docGrid w:linePitch)
          grid: { linePitch: LINE, type: DocumentGridType.LINES },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
