/** Where the rows of an ordered read come from, in batches (the ledger export's measures). */
export interface BatchSource<K, R> {
  /** Up to `size` rows after `after` (from the start when null) and not after `upTo` (to the end when null), in order. */
  load(after: K | null, upTo: K | null, size: number): Promise<R[]>;
  /** The keys of the rows number `size`, 2 × `size`, … in order, read once (may be a little stale by the time used). */
  boundaries(size: number): Promise<K[]>;
  keyOf(row: R): K;
}

/**
 * Reads every row of `source` in order and hands them to `handle` in batches of at most `size`, one batch at a
 * time, while up to `readAhead` later batches are being read side by side.
 *
 * The first batch is read at once (from the start), beside the one statement that finds where the later batches
 * end (`boundaries`). Each later batch is then the range between two consecutive keys — (end of the first batch,
 * boundary 2], (boundary 2, boundary 3], …, (last boundary, end) — so the ranges do not depend on one another and
 * can be read in parallel. Together they cover everything after the first batch whatever changed in between: a
 * range that comes back full (rows added since the boundaries were read) is continued by keyset within the same
 * range before the next one is handed over, and a range whose rows were deleted is just smaller. So rows are never
 * skipped nor repeated, and order is kept. At most `readAhead` + 1 batches are held at once (plus the continuation
 * read of the current range, if any).
 */
export async function eachBatch<K, R>(
  source: BatchSource<K, R>,
  size: number,
  readAhead: number,
  handle: (rows: R[]) => Promise<void>,
): Promise<void> {
  // a failure surfaces where the batch is awaited, not as an unhandled rejection of a read ahead
  const quiet = <T>(promise: Promise<T>) => {
    promise.catch(() => undefined);
    return promise;
  };
  const firstBatch = quiet(source.load(null, null, size));
  const boundaries = quiet(source.boundaries(size));

  const pending = new Map<number, Promise<R[]>>();
  try {
    const first = await firstBatch;
    if (first.length > 0) await handle(first);
    if (first.length < size) return;
    const keys = await boundaries;
    const starts = [source.keyOf(first[first.length - 1]), ...keys.slice(1)];
    const ranges = starts.map((after, index) => ({ after, upTo: keys[index + 1] ?? null }));
    const start = (index: number) => {
      const range = ranges[index];
      if (range && !pending.has(index)) pending.set(index, quiet(source.load(range.after, range.upTo, size)));
    };
    for (let index = 0; index < readAhead; index++) start(index);
    for (let index = 0; index < ranges.length; index++) {
      let rows = await pending.get(index)!;
      pending.delete(index);
      start(index + readAhead);
      if (rows.length > 0) await handle(rows);
      while (rows.length === size) {
        rows = await source.load(source.keyOf(rows[rows.length - 1]), ranges[index].upTo, size);
        if (rows.length > 0) await handle(rows);
      }
    }
  } finally {
    // whether done or failed, the reads already started finish before this returns: nothing runs on after the caller
    await Promise.allSettled([boundaries, ...pending.values()]);
  }
}
