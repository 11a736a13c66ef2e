import { type BlockRow, refusalSpike, refusalWindows } from '../../../../shared/drift/checks/refusal-spike';
import { sliceValue } from '../../../../shared/drift/sql-fragments';
import type { CheckOutcome } from '../../../../shared/drift/types';
import { type DriftContext, DriftParams } from '../context';

/**
 * Requests and blocks per feature (all dimensions, and each dimension) per day bucket; bucket 0 is the recent window.
 * Requests come from cheap columns; blocks from the shared scan of blocked calls.
 */
async function blockRows(ctx: DriftContext): Promise<BlockRow[]> {
  const w = refusalWindows(ctx.asOf, ctx.rules.refusal_spike);
  const blocked = await ctx.scans.blocked();
  const p = new DriftParams();
  const recentFrom = p.time(w.recent.from);
  const bucket = `CASE WHEN ts >= ${recentFrom} THEN 0 ELSE 1 + CAST(floor((epoch_ms(${recentFrom}) - epoch_ms(ts)) / 86400000) AS INTEGER) END`;
  const inWindow = `ts >= ${p.time(w.baseline.from)} AND ts < ${p.time(w.recent.to)}`;
  const sql = `
    WITH b AS (SELECT ${sliceValue('feature')} AS feature, ${bucket} AS bucket, dims FROM ${blocked} WHERE ${inWindow}),
    requests AS (SELECT ${sliceValue('feature')} AS feature, ${bucket} AS bucket, count(*) AS requests FROM calls WHERE ${inWindow} GROUP BY ALL),
    totals AS (
      SELECT r.feature, r.bucket, r.requests, coalesce(k.blocks, 0) AS blocks
      FROM requests r LEFT JOIN (SELECT feature, bucket, count(*) AS blocks FROM b GROUP BY ALL) k USING (feature, bucket)),
    dims AS (SELECT feature, bucket, dimension, count(*) AS blocks FROM (SELECT feature, bucket, unnest(dims) AS dimension FROM b) GROUP BY ALL),
    pairs AS (SELECT DISTINCT feature, dimension FROM dims)
    SELECT feature, '' AS dimension, bucket, requests, blocks FROM totals
    UNION ALL
    SELECT t.feature, pr.dimension, t.bucket, t.requests, coalesce(d.blocks, 0) AS blocks
    FROM totals t JOIN pairs pr USING (feature) LEFT JOIN dims d ON d.feature = t.feature AND d.bucket = t.bucket AND d.dimension = pr.dimension`;
  return ctx.db.all<BlockRow & Record<string, unknown>>(sql, p.values);
}

export async function runRefusalSpike(ctx: DriftContext): Promise<CheckOutcome> {
  return refusalSpike(ctx.asOf, await blockRows(ctx), ctx.rules.refusal_spike);
}
