/**
 * Chance-corrected agreement. Both return null when chance agreement is total
 * (every rating in one category), where kappa is undefined.
 */

/** Cohen's kappa for two raters over the same items: `pairs` holds their two ratings per item. */
export function cohenKappa<T>(pairs: readonly (readonly [T, T])[]): number | null {
  const n = pairs.length;
  if (n === 0) return null;
  const first = new Map<T, number>();
  const second = new Map<T, number>();
  let agree = 0;
  for (const [a, b] of pairs) {
    if (a === b) agree++;
    first.set(a, (first.get(a) ?? 0) + 1);
    second.set(b, (second.get(b) ?? 0) + 1);
  }
  const observed = agree / n;
  let expected = 0;
  for (const [category, count] of first) expected += (count / n) * ((second.get(category) ?? 0) / n);
  return expected === 1 ? null : (observed - expected) / (1 - expected);
}

/**
 * Fleiss' kappa: `counts[i][j]` is how many raters put item i in category j.
 * Items may have different numbers of raters (at least two each); with equal
 * numbers this is Fleiss' original statistic.
 */
export function fleissKappa(counts: readonly (readonly number[])[]): number | null {
  const items = counts.filter((row) => row.reduce((s, c) => s + c, 0) >= 2);
  if (items.length === 0) return null;
  const categories = Math.max(...items.map((row) => row.length));
  const totals = new Array<number>(categories).fill(0);
  let ratings = 0;
  let agreementSum = 0;
  for (const row of items) {
    const n = row.reduce((s, c) => s + c, 0);
    ratings += n;
    row.forEach((c, j) => (totals[j] = totals[j]! + c));
    agreementSum += (row.reduce((s, c) => s + c * c, 0) - n) / (n * (n - 1));
  }
  const observed = agreementSum / items.length;
  const expected = totals.reduce((s, t) => s + (t / ratings) ** 2, 0);
  return expected === 1 ? null : (observed - expected) / (1 - expected);
}
