import v8 from 'node:v8';

/**
 * Sets V8's `--heap-growing-percent` for this process (`HEAP_GROWING_PERCENT`; 0 leaves V8's own rule). The ledger
 * export turns over its whole size in rows that live across a few awaits, so they survive scavenges, reach the old
 * generation and pile up there until the next full collection; with V8's rule (which lets this process's old
 * generation grow to about twice what is live) a 60,000-row export peaked 60 MB of dead rows above what it holds,
 * with 20 % about 25 MB (issue 28 step 5: 60k export 274–281 → 194–199 MB peak RSS, 600k 271 → 210 MB, for a few
 * percent more time; docs/performance.md). Read by V8 whenever a full collection sets the next limit, so it is set
 * before the application allocates.
 */
export function applyHeapGrowth(percent: number, setFlags: (flags: string) => void = v8.setFlagsFromString): void {
  if (percent > 0) setFlags(`--heap-growing-percent=${percent}`);
}
