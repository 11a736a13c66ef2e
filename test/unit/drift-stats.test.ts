import { describe, expect, it } from 'vitest';
import { cosine, pooledMean, pstdev, zScore } from '../../shared/drift/stats';
import { asOfInstant, bucketMs, windowBefore } from '../../shared/drift/windows';

describe('drift statistics', () => {
  it('pools groups by their sums and counts, never by averaging their means', () => {
    const groups = [
      { sum: 0.2 * 2, count: 2 },
      { sum: 0.9 * 10_000, count: 10_000 },
    ];
    expect(pooledMean(groups)).toBeCloseTo(9000.4 / 10_002, 12);
    expect(pooledMean(groups)).not.toBeCloseTo((0.2 + 0.9) / 2, 2);
    expect(pooledMean([])).toBeNull();
  });

  it('computes a population z-score', () => {
    const baseline = [10, 12, 8, 10];
    const { z, mean, sigma } = zScore(16, baseline, 0);
    expect(mean).toBe(10);
    expect(sigma).toBeCloseTo(pstdev(baseline), 12);
    expect(z).toBeCloseTo(6 / Math.sqrt(2), 12);
  });

  it('floors sigma on a zero-variance baseline instead of dividing by zero', () => {
    const flat = [5, 5, 5, 5, 5];
    expect(pstdev(flat)).toBe(0);
    const small = zScore(5.1, flat, 0.05);
    expect(small.sigma).toBeCloseTo(0.25, 12);
    expect(small.z).toBeCloseTo(0.4, 12);
    expect(Number.isFinite(zScore(1, [0, 0, 0], 0.05).z)).toBe(true);
  });

  it('measures cosine similarity of sparse vectors', () => {
    const a = new Map([[0, 1], [1, 1]]);
    expect(cosine(a, new Map([[0, 2], [1, 2]]))).toBeCloseTo(1, 12);
    expect(cosine(a, new Map([[2, 1]]))).toBe(0);
    expect(cosine(a, new Map([[0, 1]]))).toBeCloseTo(Math.SQRT1_2, 12);
    expect(cosine(new Map(), a)).toBe(0);
  });

  it('builds half-open windows ending at "now" and chart buckets of at most 200 points', () => {
    const asOf = asOfInstant('2026-11-04T11:59:59.000Z');
    expect(asOf.toISOString()).toBe('2026-11-04T11:59:59.001Z');
    expect(windowBefore(asOf, 3_600_000, 60_000)).toEqual({ from: '2026-11-04T10:58:59.001Z', to: '2026-11-04T11:58:59.001Z' });
    expect(bucketMs(24 * 3_600_000)).toBe(15 * 60_000);
    expect(bucketMs(35 * 86_400_000)).toBe(6 * 3_600_000);
  });
});
