import { describe, expect, it } from '@jest/globals';
import { eachBatch, type BatchSource } from './batches.js';

/** A table of numbered rows (key = the number) that tests change between and during reads. */
function table(count: number) {
  const rows = Array.from({ length: count }, (_, index) => (index + 1) * 10);
  let inFlight = 0;
  let maxInFlight = 0;
  const calls: Array<{ after: number | null; upTo: number | null }> = [];
  const hooks: { afterBoundaries?: () => void; failOn?: (after: number | null) => boolean } = {};
  const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 1));
  const source: BatchSource<number, number> = {
    async load(after, upTo, size) {
      calls.push({ after, upTo });
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await tick();
      inFlight--;
      if (hooks.failOn?.(after)) throw new Error(`batch after ${after} failed`);
      return rows
        .filter((row) => (after === null || row > after) && (upTo === null || row <= upTo))
        .sort((a, b) => a - b)
        .slice(0, size);
    },
    async boundaries(size) {
      await tick();
      const sorted = [...rows].sort((a, b) => a - b);
      const keys = sorted.filter((_, index) => (index + 1) % size === 0);
      hooks.afterBoundaries?.();
      return keys;
    },
    keyOf: (row) => row,
  };
  return { rows, source, calls, hooks, maxInFlight: () => maxInFlight, inFlight: () => inFlight };
}

async function readAll(source: BatchSource<number, number>, size: number, readAhead = 2) {
  const batches: number[][] = [];
  await eachBatch(source, size, readAhead, async (rows) => {
    batches.push(rows);
    await new Promise<void>((resolve) => setTimeout(resolve, 2));
  });
  return batches;
}

describe('eachBatch (the ledger export reading ahead)', () => {
  it('hands over every row once, in order, in batches of at most the size, whatever the count', async () => {
    for (const count of [0, 1, 6, 7, 8, 14, 20, 21, 100]) {
      const { rows, source } = table(count);
      const batches = await readAll(source, 7);
      expect(batches.flat()).toEqual(rows);
      expect(batches.every((batch) => batch.length > 0 && batch.length <= 7)).toBe(true);
      expect(batches).toHaveLength(Math.ceil(count / 7));
    }
  });

  it('reads up to readAhead batches side by side with the one being handled, not more', async () => {
    const { source, maxInFlight } = table(100);
    await readAll(source, 5, 2);
    expect(maxInFlight()).toBe(2);
    const one = table(100);
    await readAll(one.source, 5, 1);
    expect(one.maxInFlight()).toBe(1);
  });

  it('reads the first batch beside the boundaries and, below one batch, nothing else', async () => {
    const { source, calls } = table(5);
    expect(await readAll(source, 7)).toEqual([[10, 20, 30, 40, 50]]);
    expect(calls).toEqual([{ after: null, upTo: null }]);
  });

  it('skips nothing when rows are added after the boundaries were read: a full range is continued by keyset', async () => {
    const { rows, source, hooks } = table(30);
    hooks.afterBoundaries = () => {
      // 12 new rows inside the second range, 3 in the last, one before everything (already past: not read)
      rows.push(...Array.from({ length: 12 }, (_, index) => 141 + index / 100), 295, 296, 297, 1);
    };
    const batches = await readAll(source, 7);
    const all = batches.flat();
    expect(all).toEqual([...rows].filter((row) => row !== 1).sort((a, b) => a - b));
    expect(new Set(all).size).toBe(all.length);
    expect(batches.every((batch) => batch.length <= 7)).toBe(true);
  });

  it('repeats nothing and loses nothing else when rows (boundaries among them) are deleted after the boundaries', async () => {
    const { rows, source, hooks } = table(30);
    hooks.afterBoundaries = () => {
      for (const gone of [140, 150, 210, 290]) rows.splice(rows.indexOf(gone), 1); // 140 and 210 are boundaries
    };
    const all = (await readAll(source, 7)).flat();
    expect(all).toEqual([...rows].sort((a, b) => a - b));
  });

  it('fails with the failing batch’s error, once the reads already started have settled', async () => {
    const { source, hooks, inFlight } = table(100);
    hooks.failOn = (after) => after === 140;
    const handled: number[][] = [];
    await expect(eachBatch(source, 7, 2, async (rows) => void handled.push(rows))).rejects.toThrow(
      'batch after 140 failed',
    );
    expect(inFlight()).toBe(0);
    expect(handled.flat()).toEqual(Array.from({ length: 14 }, (_, index) => (index + 1) * 10));
  });
});
