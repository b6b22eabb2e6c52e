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

// GB/T 9704-2012 (党政机关公文格式) as constants: A4, 版心 156 × 225 mm, 3号仿宋 body on a 22-line grid.
// The line pitch is a constant rather than a setting: offices use Word's "固定值" 28–29.5 pt; 225 mm / 22 lines
// ≈ 29 pt, and 28.9 pt keeps 22 lines on a page in Word and LibreOffice alike. Change DOCX_LINE_PITCH_PT here.
export const DOCX_LINE_PITCH_PT = 28.9;

const mm = (value: number) => Math.round((value / 25.4) * 1440); // millimetres → twips
export const PAGE = { width: 11906, height: 16838 }; // A4 in twips (w:pgSz)
export const MARGIN = { top: mm(37), left: mm(28), right: mm(26), bottom: mm(35) };
// the page number sits about 7 mm below the text block: 35 − 7 mm to its top, minus the height of a 4号 line
const FOOTER_DISTANCE = mm(35 - 7 - 5);
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

export const FONTS = {
  body: '仿宋_GB2312',
  title: '方正小标宋简体',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  pageNumber: '宋体',
} as const;

// font sizes in half-points (docx `size`)
const SIZE = {
  title: 44 /* 2号 22 pt */,
  body: 32 /* 3号 16 pt */,
  pageNumber: 28 /* 4号 14 pt */,
  table: 24 /* 小四 12 pt */,
};
const LINE = Math.round(DOCX_LINE_PITCH_PT * 20);
const CHAR = 320; // one 3号 character, in twips
const TABLE_LINE = 400; // 20 pt for 小四 in tables

/** The four slots Word reads a font from: Latin (ascii, hAnsi), East Asian and complex script. */
const font = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });

export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'addressee'; text: string }
  | { kind: 'heading1'; text: string }
  // (一) heading: the heading sentence in 楷体, an optional rest of the paragraph in the body font
  | { kind: 'heading2'; text: string; rest?: string }
  | { kind: 'heading3'; text: string; rest?: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'blank' }
  | { kind: 'signature'; issuer: string; date: string }
  | { kind: 'table'; columns: Array<{ title: string; width: number }>; rows: string[][] };

export interface WordDocument {
  title: string;
  blocks: Block[];
}

/**
 * Chinese typesetting of text that was read from a web page: half-width , : ; ( ) ? ! between Chinese text become
 * full-width (GB/T 15834). Colons and commas between digits (8:30, 0.6:1, 1,000) stay as they are.
 */
export function typeset(text: string): string {
  // web addresses keep their punctuation
  return text
    .split(/([a-z][a-z0-9+.-]*:\/\/\S+)/i)
    .map((part, index) => (index % 2 === 1 ? part : typesetPart(part)))
    .join('');
}

function typesetPart(text: string): string {
  return text
    .replace(/(?<!\d),|,(?!\d)/g, '，')
    .replace(/(?<!\d):|:(?!\d)/g, '：')
    .replace(/;/g, '；')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/\?/g, '？')
    .replace(/!/g, '！');
}

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

/** The document as a GB/T 9704 .docx. */
export async function renderDocx(document: WordDocument): Promise<Buffer> {
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

/** The same document as plain text: one paragraph per line, blank lines between, as published notices read. */
export function renderText(document: WordDocument): string {
  const lines: string[] = [];
  for (const block of document.blocks) {
    switch (block.kind) {
      case 'title':
      case 'addressee':
      case 'heading1':
      case 'paragraph':
        lines.push(block.text);
        break;
      case 'heading2':
      case 'heading3':
        lines.push(`${block.text}${block.rest ?? ''}`);
        break;
      case 'blank':
        break;
      case 'signature':
        lines.push('', block.issuer, block.date);
        break;
      case 'table':
        lines.push(block.columns.map((column) => column.title).join('\t'));
        for (const row of block.rows) lines.push(row.map((text) => text.replace(/\s*\n\s*/g, '；')).join('\t'));
        break;
    }
  }
  return `${lines.map(typeset).join('\n\n')}\n`;
}
