import { numberToChinese } from './chinese-numerals.js';
import { extractAccountability, extractFunds, extractRules, statusHint } from './extract.js';
import { extractFacts } from './facts.js';
import { splitMeasures } from './measures.js';
import { extractInspection } from './metadata.js';
import { normaliseWithReport } from './normalise.js';
import { stripPage } from './page.js';
import { segment, type ProblemBlock } from './segment.js';
import type { ParsedNotice, ParsedProblem, ParseOptions } from './types.js';
import { WarningList } from './warnings.js';

const BODY_LABEL_RE =
  /^[【[]?(?:整改(?:进展|落实|完成)?情况|整改进展|整改措施|整改成效|整改结果|整改举措)(?:[】\]]\s?:?|\s?:|(?=\n)|$)\s?/gm;
const TERMINAL_RE = /[。!?…”’]$/;

function joinOrNull(lines: string[]): string | null {
  return lines.length > 0 ? lines.join('\n') : null;
}

function validReferenceYear(options: ParseOptions | undefined | null): number | null {
  const y = options?.referenceYear;
  return typeof y === 'number' && Number.isInteger(y) && y >= 1900 && y <= 2199 ? y : null;
}

function checkSequence(blocks: ProblemBlock[], warnings: WarningList): void {
  const lastByContext = new Map<string, ProblemBlock>();
  const lastByLevel = new Map<number, number>();
  for (const block of blocks) {
    if (block.number === null) continue;
    const key = `${block.level}|${block.parentIndex}|${block.categorySeq}`;
    const prev = lastByContext.get(key);
    if (prev && prev.number !== null && block.number !== prev.number + 1) {
      warnings.add('SEQUENCE_GAP', `问题编号不连续：${prev.label}之后是${block.label}`, block.headingLines[0]);
    } else if (!prev) {
      const levelPrev = lastByLevel.get(block.level);
      if (block.number !== 1 && (levelPrev === undefined || block.number !== levelPrev + 1)) {
        warnings.add('SEQUENCE_GAP', `问题编号没有从1开始：第一个是${block.label}`, block.headingLines[0]);
      }
    }
    lastByContext.set(key, block);
    lastByLevel.set(block.level, block.number);
  }
}

function buildProblem(
  block: ProblemBlock,
  index: number,
  isLast: boolean,
  hasSignature: boolean,
  warnings: WarningList,
): ParsedProblem {
  const seq = index + 1;
  const body = block.bodyLines.join('\n').replace(BODY_LABEL_RE, '').trim();
  const enumeration = splitMeasures(body);
  for (const gap of enumeration.gaps) {
    const missing = enumeration.style === 'shi' ? `“${numberToChinese(gap)}是”` : `第${gap}项`;
    warnings.add('SEQUENCE_GAP', `第${seq}个问题（${block.label}）的整改措施编号不连续：缺少${missing}`, block.title);
  }
  const truncated =
    isLast &&
    block.reachesEnd &&
    !hasSignature &&
    (!block.titleClosed || (!block.hasChildren && !TERMINAL_RE.test(body)));
  if (truncated) {
    warnings.add(
      'PROBLEM_TRUNCATED',
      `原文在第${seq}个问题（${block.label}）处中断，该问题的内容可能不完整`,
      block.sourceLines.join('').slice(-60),
    );
  }
  return {
    seq,
    label: block.label,
    title: block.title,
    categorySeq: block.categorySeq,
    parentSeq: block.parentIndex === null ? null : block.parentIndex + 1,
    overview: enumeration.overview,
    measures: enumeration.measures,
    facts: extractFacts(body),
    accountability: extractAccountability(body),
    rules: extractRules(body),
    funds: extractFunds(body),
    statusHint: statusHint(body),
    truncated,
    sourceText: block.sourceLines.join('\n'),
  };
}

/**
 * Parses the text of a published rectification notice (整改进展情况的通报) or feedback into a structured
 * preview for human review. Total: never throws, whatever the input; problems it meets become warnings.
 */
export function parseNotice(input: string, options?: ParseOptions): ParsedNotice {
  const warnings = new WarningList();
  const { text, convertedTraditional } = normaliseWithReport(input);
  if (text === '') warnings.add('EMPTY_INPUT', '输入为空，没有可解析的内容');
  if (convertedTraditional)
    warnings.add('TRADITIONAL_CONVERTED', '原文为繁体字，已转换为简体后解析，请核对人名、地名等专有名词');

  const page = stripPage(text);
  const segments = segment(page.lines);
  const inspection = extractInspection(
    {
      title: page.title,
      preamble: segments.preambleLines.join('\n'),
      closing: segments.closingLines.join('\n'),
      fullText: page.lines.join('\n'),
      meta: page.meta,
      signature: page.signature,
      referenceYear: validReferenceYear(options),
    },
    warnings,
  );

  checkSequence(segments.problems, warnings);
  const problems = segments.problems.map((block, i) =>
    buildProblem(block, i, i === segments.problems.length - 1, page.signature !== null, warnings),
  );
  if (problems.length === 0) {
    warnings.add('NO_PROBLEMS_FOUND', '未识别出任何问题条目（如“1.关于“……”的问题”），请检查原文格式');
  }
  if (inspection.title === null && text !== '') warnings.add('TITLE_NOT_FOUND', '未找到通报标题');

  return {
    inspection,
    preamble: joinOrNull(segments.preambleLines),
    organisationText: joinOrNull(segments.organisationLines),
    nextStepsText: joinOrNull(segments.nextStepsLines),
    categories: segments.categories.map((c, i) => ({ seq: i + 1, label: c.label, title: c.title })),
    problems,
    warnings: warnings.items,
  };
}
