import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNotice } from './index.js';
import { readFixture, shapeErrors } from './testing/fixture.js';

const fixture = readFixture();

const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n));
const noticeToken = fc.constantFrom(
  '关于“',
  '”的问题',
  '整改情况:',
  '一是',
  '二是',
  '三是',
  '统一是',
  '(1)',
  '(2)',
  '①',
  '②',
  '第一,',
  '1.',
  '12.',
  '一、',
  '(一)',
  '在“',
  '”方面',
  '《',
  '》',
  '“',
  '”',
  '‘',
  '’',
  '2023年',
  '7月',
  '18日',
  '2023516日',
  '至',
  '—',
  '8:30',
  '问责',
  '3人',
  '人次',
  '追缴',
  '12.5万元',
  '已完成',
  '剩余',
  '41个',
  '%',
  ':',
  '。',
  ',',
  ';',
  '\n',
  '\r\n',
  ' ',
  '\u3000',
  '\u00a0',
  '\u200b',
  '關於',
  '首页 > ',
  'ICP备',
  '公开期限:',
  '电话027-84851224',
  '巡视',
  '巡察',
  '组',
  '党工委',
);

function expectWellFormed(input: string): void {
  const result = parseNotice(input);
  expect(shapeErrors(result)).toEqual([]);
}

describe('parseNotice never throws', () => {
  it('returns a well-formed result for arbitrary strings', () => {
    fc.assert(fc.property(fc.string(), expectWellFormed), { numRuns: 300 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), expectWellFormed), { numRuns: 300 });
    fc.assert(fc.property(fc.string({ unit: anyCodeUnit, maxLength: 400 }), expectWellFormed), { numRuns: 300 });
  });

  it('returns a well-formed result for strings built from notice vocabulary', () => {
    fc.assert(
      fc.property(
        fc.array(noticeToken, { maxLength: 200 }).map((t) => t.join('')),
        expectWellFormed,
      ),
      { numRuns: 500 },
    );
  });

  it('returns a well-formed result for truncated and mutated slices of the fixture', () => {
    const slice = fc
      .tuple(fc.nat({ max: fixture.length }), fc.nat({ max: fixture.length }))
      .map(([a, b]) => fixture.slice(Math.min(a, b), Math.max(a, b)));
    const mutated = fc
      .tuple(
        fc.array(
          fc.tuple(
            fc.nat({ max: fixture.length }),
            fc.nat({ max: 40 }),
            fc.oneof(fc.string({ maxLength: 8 }), noticeToken),
          ),
          { maxLength: 12 },
        ),
      )
      .map(([edits]) =>
        edits.reduce((text, [at, del, insert]) => text.slice(0, at) + insert + text.slice(at + del), fixture),
      );
    fc.assert(fc.property(slice, expectWellFormed), { numRuns: 150 });
    fc.assert(fc.property(mutated, expectWellFormed), { numRuns: 150 });
  });

  it('accepts non-string input and odd options from JavaScript callers', () => {
    for (const input of [undefined, null, 42, {}, ['1.关于“甲”的问题']]) {
      expect(shapeErrors(parseNotice(input as unknown as string))).toEqual([]);
    }
    for (const options of [
      null,
      {},
      { referenceYear: Number.NaN },
      { referenceYear: 1e12 },
      { referenceYear: '2023' },
    ]) {
      const r = parseNotice('根据部署,7月18日至9月15日,省委第六巡视组对某区开展了常规巡视。', options as never);
      expect(shapeErrors(r)).toEqual([]);
      expect(r.inspection.onSiteFrom).toBeNull();
    }
  });

  it('reports empty input', () => {
    const r = parseNotice('');
    expect(r.warnings.map((w) => w.code)).toEqual(['EMPTY_INPUT', 'NO_PROBLEMS_FOUND']);
    expect(r.inspection.title).toBeNull();
  });
});

describe('large and pathological input completes (no catastrophic backtracking)', () => {
  const size = 200_000;
  const fill = (unit: string): string => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

  it('parses a 200 KB notice built from the fixture', () => {
    const problems = fixture.slice(fixture.indexOf('1.关于'), fixture.indexOf('三、下步工作安排'));
    let body = '';
    let n = 0;
    while (body.length < size) {
      body += problems.replace(/^(\d+)\.关于/gm, () => `${++n}.关于`);
    }
    const text = fixture.replace(problems, body);
    expect(text.length).toBeGreaterThan(size);
    const r = parseNotice(text);
    expect(r.problems).toHaveLength(n);
    expect(r.problems[n - 1]!.label).toBe(`${n}.`);
    expect(r.warnings).toEqual([]);
  });

  it.each([
    ['digits', '1234567890'],
    ['one long line of letters', 'abcdefghij'],
    ['unclosed quotes after 关于', '1.关于“'],
    ['ordinals without delimiters', '二是三是'],
    ['ordinals with delimiters', ',一是,二是'],
    ['nested book titles', '《《《》'],
    ['accountability forms', '问责、约谈、'],
    ['dates with lost markers', '2023516日至'],
    ['e-mail-like text', 'a.b-c_d%e+'],
    ['headings only', '1.关于“甲”的问题\n'],
    ['completion markers', '已完成整改1个,剩余1个,'],
    ['spaces and NBSP', ' \u00a0\u3000'],
  ])('%s', (_name, unit) => {
    const r = parseNotice(fill(unit));
    expect(shapeErrors(r)).toEqual([]);
  });
});
