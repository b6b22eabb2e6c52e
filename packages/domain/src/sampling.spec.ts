import { describe, expect, it } from 'vitest';
import { allocateSample, drawSample, fnv1a, mulberry32, newSampleSeed, type SampleCandidate } from './sampling.js';

/** `count` measures of `unit`: ids m-<unit>-01 … */
const measures = (unit: string, count: number): SampleCandidate[] =>
  Array.from({ length: count }, (_, index) => ({
    measureId: `m-${unit}-${String(index + 1).padStart(2, '0')}`,
    unitId: unit,
  }));

const ledger = [...measures('a', 10), ...measures('b', 7), ...measures('c', 2), ...measures('d', 1)];

function shuffled<T>(items: readonly T[]): T[] {
  return [...items].reverse().sort((x, y) => (JSON.stringify(x).length % 3) - (JSON.stringify(y).length % 3));
}

describe('the look-back sampler', () => {
  it('hashes and generates the documented reference values', () => {
    // FNV-1a 32-bit reference vectors
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
    // mulberry32 from state 0: the first outputs are fixed forever (docs/sampling.md quotes them)
    const next = mulberry32(0);
    expect([next(), next(), next()]).toEqual([1144304738, 1416247, 958946056]);
  });

  it('allocates the rate by largest remainder, at least one per unit (hand-computed)', () => {
    // 20 measures at 25%: 5 in all. Exact shares a 2.5, b 1.75, c 0.5, d 0.25 → floors 2, 1, 0, 0 (3);
    // the 2 left go to the largest remainders: b (.75), then a and c tie at .5 → a (more measures): a 3, b 2.
    // c gets one, taken from a (3 − 2.5 = .5 above its share, b only .25); d gets one, taken from b (a is now below).
    const quota = allocateSample(
      new Map([
        ['a', 10],
        ['b', 7],
        ['c', 2],
        ['d', 1],
      ]),
      25,
    );
    expect(Object.fromEntries(quota)).toEqual({ a: 2, b: 1, c: 1, d: 1 });
    // more units than the rate allows: one each
    expect(
      Object.fromEntries(
        allocateSample(
          new Map([
            ['a', 10],
            ['b', 7],
            ['c', 2],
            ['d', 1],
          ]),
          10,
        ),
      ),
    ).toEqual({
      a: 1,
      b: 1,
      c: 1,
      d: 1,
    });
  });

  it('keeps to the rate within rounding when every unit is large enough', () => {
    const big = [...measures('a', 40), ...measures('b', 33), ...measures('c', 27)];
    const sample = drawSample(big, 10, 'seed-1');
    expect(sample.items).toHaveLength(10); // round(100 × 10%)
    expect(sample.strata.map((s) => [s.unitId, s.drawn])).toEqual([
      ['a', 4],
      ['b', 3],
      ['c', 3],
    ]);
    const odd = drawSample(big, 15, 'seed-1');
    expect(odd.items).toHaveLength(15);
  });

  it('gives every unit with signed-off measures at least one, however low the rate', () => {
    const sample = drawSample(ledger, 1, 'seed-2');
    expect(sample.strata.map((s) => s.drawn)).toEqual([1, 1, 1, 1]);
    expect(new Set(sample.items.map((item) => item.unitId))).toEqual(new Set(['a', 'b', 'c', 'd']));
  });

  it('draws no measure twice, only from the candidates, and all of them at 100%', () => {
    const sample = drawSample([...ledger, ledger[0], { measureId: ledger[1].measureId, unitId: 'z' }], 60, 'seed-3');
    const ids = sample.items.map((item) => item.measureId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(sample.population).toBe(20);
    for (const id of ids) expect(ledger.some((candidate) => candidate.measureId === id)).toBe(true);
    expect(drawSample(ledger, 100, 'x').items).toHaveLength(20);
  });

  it('is reproducible: the same seed and ledger, in any order, give the same sample; another seed another one', () => {
    const first = drawSample(ledger, 30, 'lookback-2024');
    expect(drawSample(shuffled(ledger), 30, 'lookback-2024')).toEqual(first);
    const seeds = ['s1', 's2', 's3', 's4', 's5'].map((seed) => drawSample(ledger, 30, seed).items);
    expect(new Set(seeds.map((items) => JSON.stringify(items))).size).toBeGreaterThan(1);
  });

  it('draws a unit in an order of its own: other units change only how many, not which come first', () => {
    const draw = (candidates: SampleCandidate[]) =>
      drawSample(candidates, 30, 'k')
        .items.filter((item) => item.unitId === 'b')
        .map((item) => item.measureId);
    const withA = draw(ledger);
    const withoutA = draw(ledger.filter((c) => c.unitId !== 'a'));
    const [shorter, longer] = withA.length <= withoutA.length ? [withA, withoutA] : [withoutA, withA];
    expect(shorter.length).toBeGreaterThan(0);
    expect(longer.slice(0, shorter.length)).toEqual(shorter);
  });

  it('puts measures without a lead unit in a stratum of their own', () => {
    const sample = drawSample([...measures('a', 4), { measureId: 'orphan', unitId: null }], 25, 's');
    expect(sample.strata).toEqual([
      { unitId: null, population: 1, drawn: 1 },
      { unitId: 'a', population: 4, drawn: 1 },
    ]);
    expect(sample.items.map((item) => item.measureId)).toContain('orphan');
  });

  it('draws evenly over many seeds (every measure of a unit comes up)', () => {
    const counts = new Map<string, number>();
    for (let run = 0; run < 2000; run += 1)
      for (const item of drawSample(measures('a', 5), 20, `run-${run}`).items)
        counts.set(item.measureId, (counts.get(item.measureId) ?? 0) + 1);
    expect(counts.size).toBe(5);
    for (const count of counts.values()) expect(count).toBeGreaterThan(300); // 400 expected each
  });

  it('refuses a rate outside 1–100 and makes 8-hex-digit seeds', () => {
    expect(() => drawSample(ledger, 0, 's')).toThrow(RangeError);
    expect(() => drawSample(ledger, 101, 's')).toThrow(RangeError);
    expect(newSampleSeed(() => 0.5)).toBe('80000000');
    expect(newSampleSeed()).toMatch(/^[0-9a-f]{8}$/);
  });
});
