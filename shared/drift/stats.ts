/** Small statistics the checks share. Inputs are aggregates (sums and counts), never per-call rows. */

export interface SumCount {
  readonly sum: number;
  readonly count: number;
}

/**
 * The volume-weighted mean of several groups: total of sums over total of counts.
 * Never the mean of the groups' means (a 0.2 on 2 samples must not weigh like 10,000 samples).
 */
export function pooledMean(groups: readonly SumCount[]): number | null {
  let sum = 0;
  let count = 0;
  for (const g of groups) {
    sum += g.sum;
    count += g.count;
  }
  return count > 0 ? sum / count : null;
}

export function mean(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0) / values.length;
}

/** Population standard deviation (the guide's `pstdev`). */
export function pstdev(values: readonly number[]): number {
  const m = mean(values);
  return Math.sqrt(values.reduce((s, v) => s + (v - m) ** 2, 0) / values.length);
}

/**
 * z-score of `value` against a baseline. A flat baseline (zero variance) would make any
 * change infinitely significant, so sigma is floored at `floorRatio` of the baseline mean
 * (and at a tiny absolute value, for an all-zero baseline).
 */
export function zScore(value: number, baseline: readonly number[], floorRatio: number): { z: number; mean: number; sigma: number } {
  const m = mean(baseline);
  const sigma = Math.max(pstdev(baseline), Math.abs(m) * floorRatio, 1e-9);
  return { z: (value - m) / sigma, mean: m, sigma };
}

/** Cosine similarity of two vectors given as sparse maps (dimension -> value); 0 when either is all zero. */
export function cosine(a: ReadonlyMap<number, number>, b: ReadonlyMap<number, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [k, v] of a) {
    na += v * v;
    const w = b.get(k);
    if (w !== undefined) dot += v * w;
  }
  for (const v of b.values()) nb += v * v;
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}

/** Rounds for display in messages and JSON (keeps small numbers readable). */
export function round(value: number, digits = 4): number {
  if (!Number.isFinite(value)) return value;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
