// GB/T 9704-2012 (党政机关公文格式) as constants: A4, 版心 156 × 225 mm, 3号仿宋 body on a 22-line grid.
// The line pitch is a constant rather than a setting: offices use Word's "固定值" 28–29.5 pt; 225 mm / 22 lines
// ≈ 29 pt, and 28.9 pt keeps 22 lines on a page in Word and LibreOffice alike. Change DOCX_LINE_PITCH_PT here.
export const DOCX_LINE_PITCH_PT = 28.9;

export const mm = (value: number) => Math.round((value / 25.4) * 1440); // millimetres → twips
export const PAGE = { width: 11906, height: 16838 }; // A4 in twips (w:pgSz)
export const MARGIN = { top: mm(37), left: mm(28), right: mm(26), bottom: mm(35) };
// the page number sits about 7 mm below the text block: 35 − 7 mm to its top, minus the height of a 4号 line
export const FOOTER_DISTANCE = mm(35 - 7 - 5);
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

export const FONTS = {
  body: '仿宋_GB2312',
  title: '方正小标宋简体',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  pageNumber: '宋体',
} as const;

// font sizes in half-points (docx `size`)
export const SIZE = {
  title: 44 /* 2号 22 pt */,
  body: 32 /* 3号 16 pt */,
  pageNumber: 28 /* 4号 14 pt */,
  table: 24 /* 小四 12 pt */,
};
export const LINE = Math.round(DOCX_LINE_PITCH_PT * 20);
export const CHAR = 320; // one 3号 character, in twips
export const TABLE_LINE = 400; // 20 pt for 小四 in tables

/** The four slots Word reads a font from: Latin (ascii, hAnsi), East Asian and complex script. */
export const font = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });

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

/** The document as a GB/T 9704 .docx (the writer and `docx` are loaded on the first call). */
export async function renderDocx(document: WordDocument): Promise<Buffer> {
  const { writeDocx } = await import('./docx-render.js');
  return writeDocx(document);
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
