// The look-back sampler (回头看抽样): a seeded, stratified, reproducible draw of signed-off measures. The algorithm is
// written down in docs/sampling.md so that anyone can redraw a sample by hand from its seed and the ledger; it uses no
// library so that its result can never change with a dependency's version.

/** A signed-off measure (已完成, 视同完成) that may be drawn, with the unit it is drawn for (its 牵头单位). */
export interface SampleCandidate {
  measureId: string;
  /** the stratum: the measure's lead unit; null when it has none (one stratum of its own) */
  unitId: string | null;
}

export interface SampleStratum {
  unitId: string | null;
  /** signed-off measures of the unit */
  population: number;
  /** how many were drawn */
  drawn: number;
}

export interface Sample {
  seed: string;
  /** percent, 1–100 */
  ratePct: number;
  population: number;
  /** the drawn measures, by unit then by the order of the draw */
  items: SampleCandidate[];
  strata: SampleStratum[];
}

export const MIN_SAMPLE_RATE_PCT = 1;
export const MAX_SAMPLE_RATE_PCT = 100;

/** 32-bit FNV-1a of the UTF-16 code units of `text`: turns a seed string into the generator's state. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** mulberry32: a small 32-bit generator; each call returns an integer in [0, 2^32). */
export function mulberry32(state: number): () => number {
  let a = state >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** An integer in [0, bound), without modulo bias (values at the top of the range that would bias it are redrawn). */
function below(next: () => number, bound: number): number {
  const limit = 2 ** 32 - (2 ** 32 % bound);
  for (;;) {
    const value = next();
    if (value < limit) return value % bound;
  }
}

const stratumKey = (unitId: string | null) => unitId ?? '';
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * How many to draw from each unit: the rate of the whole, rounded half up (`round(N × rate)`), divided among the units
 * by the largest-remainder method on each unit's exact share (n × rate) — ties to the unit with more measures, then by
 * unit id. Then every unit left with none gets one, taken back from the unit furthest above its share that has more
 * than one (ties: fewer measures, then the larger id). So the total is the rounded rate, unless there are more units
 * than that: then one per unit (the at-least-one rule wins over the rate).
 */
export function allocateSample(populations: ReadonlyMap<string, number>, ratePct: number): Map<string, number> {
  const units = [...populations.keys()].sort(byCodeUnits);
  const rate = ratePct / 100;
  const total = [...populations.values()].reduce((sum, n) => sum + n, 0);
  const target = Math.min(total, Math.floor(total * rate + 0.5));
  const quota = new Map(units.map((unit) => [unit, Math.floor(populations.get(unit)! * rate)] as const));
  let left = target - [...quota.values()].reduce((sum, n) => sum + n, 0);
  const byRemainder = [...units].sort((a, b) => {
    const ra = populations.get(a)! * rate - quota.get(a)!;
    const rb = populations.get(b)! * rate - quota.get(b)!;
    return rb - ra || populations.get(b)! - populations.get(a)! || byCodeUnits(a, b);
  });
  for (const unit of byRemainder) {
    if (left <= 0) break;
    if (quota.get(unit)! < populations.get(unit)!) {
      quota.set(unit, quota.get(unit)! + 1);
      left -= 1;
    }
  }
  const share = (unit: string) => populations.get(unit)! * rate;
  for (const unit of units) {
    if (quota.get(unit)! > 0 || populations.get(unit)! === 0) continue;
    quota.set(unit, 1);
    const donor = units
      .filter((other) => quota.get(other)! > 1)
      .sort(
        (a, b) =>
          quota.get(b)! - share(b) - (quota.get(a)! - share(a)) ||
          populations.get(a)! - populations.get(b)! ||
          byCodeUnits(b, a),
      )[0];
    if (donor) quota.set(donor, quota.get(donor)! - 1);
  }
  return quota;
}

/**
 * Draws the sample. Reproducible: the same seed and the same candidates (in any order) give the same sample. Each
 * unit's measures are put in order of their ids, shuffled by Fisher–Yates with a generator seeded by
 * `fnv1a(seed + ':' + unitId)`, and the first `quota` taken — so a unit's draw does not depend on the other units.
 * Duplicate candidates (the same measure twice) count once.
 */
export function drawSample(candidates: readonly SampleCandidate[], ratePct: number, seed: string): Sample {
  if (!Number.isFinite(ratePct) || ratePct < MIN_SAMPLE_RATE_PCT || ratePct > MAX_SAMPLE_RATE_PCT)
    throw new RangeError(`sample rate must be ${MIN_SAMPLE_RATE_PCT}–${MAX_SAMPLE_RATE_PCT} percent`);
  const strata = new Map<string, { unitId: string | null; measureIds: Set<string> }>();
  for (const candidate of candidates) {
    const key = stratumKey(candidate.unitId);
    if (!strata.has(key)) strata.set(key, { unitId: candidate.unitId, measureIds: new Set() });
    strata.get(key)!.measureIds.add(candidate.measureId);
  }
  // a measure listed under two units is drawn for the first unit in id order only
  const seen = new Set<string>();
  const keys = [...strata.keys()].sort(byCodeUnits);
  const members = new Map<string, string[]>();
  for (const key of keys) {
    const ids = [...strata.get(key)!.measureIds].sort(byCodeUnits).filter((id) => !seen.has(id));
    ids.forEach((id) => seen.add(id));
    if (ids.length > 0) members.set(key, ids);
  }
  const quota = allocateSample(new Map([...members].map(([key, ids]) => [key, ids.length] as const)), ratePct);
  const items: SampleCandidate[] = [];
  const result: SampleStratum[] = [];
  for (const [key, ids] of members) {
    const next = mulberry32(fnv1a(`${seed}:${key}`));
    const order = [...ids];
    for (let index = order.length - 1; index > 0; index -= 1) {
      const swap = below(next, index + 1);
      [order[index], order[swap]] = [order[swap], order[index]];
    }
    const take = quota.get(key)!;
    const { unitId } = strata.get(key)!;
    for (const measureId of order.slice(0, take)) items.push({ measureId, unitId });
    result.push({ unitId, population: ids.length, drawn: take });
  }
  return { seed, ratePct, population: seen.size, items, strata: result };
}

/** A fresh seed to store with a new look-back: 8 hex digits from the given random source (Math.random by default). */
export function newSampleSeed(random: () => number = Math.random): string {
  return Math.floor(random() * 2 ** 32)
    .toString(16)
    .padStart(8, '0');
}
