import { chineseToNumber } from './chinese-numerals.js';

export type SectionRole = 'organisation' | 'problems' | 'nextSteps' | 'other';

export interface ProblemBlock {
  label: string;
  /** Heading style: 1 = 一、, 2 = (一), 3 = 1., 4 = (1). */
  level: number;
  number: number | null;
  title: string;
  titleClosed: boolean;
  headingLines: string[];
  /** Text after the title on the heading line, then the following lines. */
  bodyLines: string[];
  /** Heading line(s) and following lines as they stand in the text. */
  sourceLines: string[];
  categorySeq: number | null;
  parentIndex: number | null;
  /** Nothing structural (section, category, closing) follows this block. */
  reachesEnd: boolean;
  hasChildren: boolean;
}

export interface CategoryBlock {
  label: string;
  title: string;
}

export interface Segments {
  preambleLines: string[];
  organisationLines: string[];
  nextStepsLines: string[];
  closingLines: string[];
  categories: CategoryBlock[];
  problems: ProblemBlock[];
}

const CN = '一二三四五六七八九十';
const OPEN_QUOTES = '“"‘';
const PROBLEM_PREFIXES: Array<{
  re: RegExp;
  level: number;
  label: (m: RegExpExecArray) => string;
  num: (m: RegExpExecArray) => number | null;
}> = [
  {
    re: /^(\d{1,3})\s?([.、])\s?关于/,
    level: 3,
    label: (m) => `${m[1]}${m[2]}`,
    num: (m) => Number(m[1]),
  },
  {
    re: new RegExp(`^([${CN}]{1,3})\\s?、\\s?关于`),
    level: 1,
    label: (m) => `${m[1]}、`,
    num: (m) => chineseToNumber(m[1] ?? ''),
  },
  {
    re: new RegExp(`^\\(([${CN}]{1,3})\\)\\s?关于`),
    level: 2,
    label: (m) => `(${m[1]})`,
    num: (m) => chineseToNumber(m[1] ?? ''),
  },
  {
    re: /^\((\d{1,3})\)\s?关于/,
    level: 4,
    label: (m) => `(${m[1]})`,
    num: (m) => Number(m[1]),
  },
];
const CATEGORY_PREFIX_RE = new RegExp(`^(?:\\(([${CN}]{1,3})\\)|([${CN}]{1,3})、)\\s?(?:在|关于)?`);
const UNQUOTED_CATEGORY_RE = new RegExp(
  `^\\(([${CN}]{1,3})\\)\\s?(?:在)?([^。;“”"]{2,40}?)方面(?:的问题|存在的问题|问题)?[:。]?$`,
);
const SECTION_RE = new RegExp(`^([${CN}]{1,3})\\s?[、.]\\s?(.*)$`);
const TITLE_SUFFIX_RE =
  /^(?:方面存在的问题|方面的问题|的问题|问题的整改情况|问题的整改|问题整改情况|问题|的整改情况|整改情况)?\s?[。.:,]?\s?/;
const CLOSING_RE =
  /^(?:欢迎|如有意见|如对|公开期限|公示期限|公示期|公开时间|联系方式|联系电话|监督电话|举报电话|电子邮箱|通信地址|来信请寄)|公开期限|公示期限/;

/** Reads a quoted title starting at `open`; inner quotes are kept. Null when the quote never closes. */
export function readQuoted(text: string, open: number): { title: string; end: number } | null {
  const opener = text[open];
  if (opener === '"') {
    const close = text.indexOf('"', open + 1);
    return close < 0 ? null : { title: text.slice(open + 1, close), end: close + 1 };
  }
  const [o, c] = opener === '‘' ? ['‘', '’'] : ['“', '”'];
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (ch === o) depth++;
    else if (ch === c) {
      depth--;
      if (depth === 0) return { title: text.slice(open + 1, i), end: i + 1 };
    }
  }
  return null;
}

export function sectionRole(heading: string): SectionRole {
  const h = heading.slice(0, 40);
  if (/下步|下一步|今后|后续|下阶段|长效/.test(h)) return 'nextSteps';
  if (/任务落实|问题整改|整改落实情况|整改情况|落实情况|整改任务|反馈问题|具体问题|整改进展/.test(h)) return 'problems';
  if (/组织|领导|站位|责任|部署|认识/.test(h)) return 'organisation';
  return 'other';
}

interface ProblemHeading {
  label: string;
  level: number;
  number: number | null;
  title: string;
  titleClosed: boolean;
  rest: string;
  linesUsed: number;
}

function matchProblemHeading(lines: string[], i: number): ProblemHeading | null {
  const line = lines[i]!;
  for (const p of PROBLEM_PREFIXES) {
    const m = p.re.exec(line);
    if (!m) continue;
    const afterPrefix = m[0].length;
    const opener = line[afterPrefix];
    if (opener !== undefined && OPEN_QUOTES.includes(opener)) {
      // A title broken over lines: join up to two following lines before giving up.
      let joined = line;
      for (let used = 1; used <= 3 && i + used - 1 < lines.length; used++) {
        if (used > 1) joined += lines[i + used - 1]!;
        const q = readQuoted(joined, afterPrefix);
        if (q) {
          const rest = joined.slice(q.end).replace(TITLE_SUFFIX_RE, '');
          return {
            label: p.label(m),
            level: p.level,
            number: p.num(m),
            title: q.title.trim(),
            titleClosed: true,
            rest,
            linesUsed: used,
          };
        }
      }
      if (i + 3 >= lines.length) {
        return {
          label: p.label(m),
          level: p.level,
          number: p.num(m),
          title: lines
            .slice(i)
            .join('')
            .slice(afterPrefix + 1)
            .trim(),
          titleClosed: false,
          rest: '',
          linesUsed: lines.length - i,
        };
      }
      return null;
    }
    // Unquoted short heading: 1.关于理论学习有漏项的问题
    const unquoted = /^(.{2,60}?)(?:方面存在的问题|方面的问题|的问题|问题的整改(?:情况)?|问题)[。:]?$/.exec(
      line.slice(afterPrefix),
    );
    if (unquoted) {
      return {
        label: p.label(m),
        level: p.level,
        number: p.num(m),
        title: unquoted[1]!,
        titleClosed: true,
        rest: '',
        linesUsed: 1,
      };
    }
    return null;
  }
  return null;
}

function matchCategory(line: string): CategoryBlock | null {
  const m = CATEGORY_PREFIX_RE.exec(line);
  if (m) {
    const open = m[0].length;
    const opener = line[open];
    if (opener !== undefined && OPEN_QUOTES.includes(opener)) {
      const q = readQuoted(line, open);
      if (q && /^\s?方面/.test(line.slice(q.end))) {
        return { label: m[1] ? `(${m[1]})` : `${m[2]}、`, title: q.title.trim() };
      }
    }
  }
  const u = UNQUOTED_CATEGORY_RE.exec(line);
  if (u) return { label: `(${u[1]})`, title: u[2]!.trim() };
  return null;
}

/** Splits content lines into preamble, sections, categories and problem blocks. */
export function segment(lines: string[]): Segments {
  const out: Segments = {
    preambleLines: [],
    organisationLines: [],
    nextStepsLines: [],
    closingLines: [],
    categories: [],
    problems: [],
  };
  let role: SectionRole | null = null;
  let current: ProblemBlock | null = null;
  let categorySeq: number | null = null;
  let stack: number[] = [];
  let closing = false;
  let structureAfterLastProblem = false;

  const endProblem = (): void => {
    current = null;
    structureAfterLastProblem = true;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (closing) {
      out.closingLines.push(line);
      continue;
    }
    const heading = matchProblemHeading(lines, i);
    const category = heading || role === 'organisation' || role === 'nextSteps' ? null : matchCategory(line);
    if (category) {
      endProblem();
      out.categories.push(category);
      categorySeq = out.categories.length;
      stack = [];
      if (role === null) role = 'problems';
      continue;
    }
    if (heading) {
      while (stack.length > 0 && out.problems[stack[stack.length - 1]!]!.level >= heading.level) stack.pop();
      const parentIndex = stack.length > 0 ? stack[stack.length - 1]! : null;
      if (parentIndex !== null) out.problems[parentIndex]!.hasChildren = true;
      structureAfterLastProblem = false;
      current = {
        label: heading.label,
        level: heading.level,
        number: heading.number,
        title: heading.title,
        titleClosed: heading.titleClosed,
        headingLines: lines.slice(i, i + heading.linesUsed),
        bodyLines: heading.rest ? [heading.rest] : [],
        sourceLines: lines.slice(i, i + heading.linesUsed),
        categorySeq,
        parentIndex,
        reachesEnd: false,
        hasChildren: false,
      };
      out.problems.push(current);
      stack.push(out.problems.length - 1);
      i += heading.linesUsed - 1;
      continue;
    }
    const section = SECTION_RE.exec(line);
    if (section) {
      endProblem();
      role = sectionRole(section[2] ?? '');
      categorySeq = null;
      stack = [];
      continue;
    }
    if (CLOSING_RE.test(line)) {
      endProblem();
      closing = true;
      out.closingLines.push(line);
      continue;
    }
    if (current) {
      current.bodyLines.push(line);
      current.sourceLines.push(line);
    } else if (role === 'organisation') out.organisationLines.push(line);
    else if (role === 'nextSteps') out.nextStepsLines.push(line);
    else if (role === null && out.problems.length === 0) out.preambleLines.push(line);
  }
  const last = out.problems[out.problems.length - 1];
  if (last) last.reachesEnd = !structureAfterLastProblem;
  return out;
}
