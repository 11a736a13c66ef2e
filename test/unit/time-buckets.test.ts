import { describe, expect, it } from 'vitest';
import { BUCKET_LADDER, pickBucket } from '../../electron/engine/explore/time-series';

const HOUR = 3_600_000;

describe('adaptive time buckets', () => {
  it.each([
    [0, 120, '1 minute'],
    [2 * HOUR, 120, '1 minute'],
    [3 * HOUR, 120, '5 minutes'],
    [24 * HOUR, 120, '15 minutes'],
    [72 * HOUR, 100, '1 hour'],
    [35 * 24 * HOUR, 120, '12 hours'],
    [35 * 24 * HOUR, 30, '7 days'],
    [3650 * 24 * HOUR, 120, '7 days'],
  ])('a span of %d ms in about %d buckets: %s', (span, buckets, interval) => {
    expect(pickBucket(span, buckets).interval).toBe(interval);
  });

  it('never gives more buckets than asked while a wider step exists', () => {
    for (const span of [HOUR, 10 * HOUR, 100 * HOUR, 1000 * HOUR]) {
      const bucket = pickBucket(span, 50);
      if (bucket !== BUCKET_LADDER[BUCKET_LADDER.length - 1]) expect(span / bucket.ms).toBeLessThanOrEqual(50);
    }
  });
});
