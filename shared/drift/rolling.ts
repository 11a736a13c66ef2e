/** Counts of one time bucket: `total` calls, `hits` of them matching (errors, slow calls, ...). */
export interface BucketCount {
  readonly start: string;
  readonly total: number;
  readonly hits: number;
}

export interface RollingWindow {
  readonly from: string;
  readonly to: string;
  readonly total: number;
  readonly hits: number;
}

/**
 * Rolling windows of `span` consecutive buckets, one ending at each bucket that has data,
 * summed from per-bucket counts (buckets without calls count as empty).
 */
export function rollingWindows(buckets: readonly BucketCount[], span: number, bucketMs: number): RollingWindow[] {
  const byStart = new Map(buckets.map((b) => [Date.parse(b.start), b]));
  return buckets.map((b) => {
    const last = Date.parse(b.start);
    let total = 0;
    let hits = 0;
    for (let i = 0; i < span; i++) {
      const earlier = byStart.get(last - i * bucketMs);
      if (earlier) {
        total += earlier.total;
        hits += earlier.hits;
      }
    }
    return { from: new Date(last - (span - 1) * bucketMs).toISOString(), to: new Date(last + bucketMs).toISOString(), total, hits };
  });
}
