import { type BlockRow, refusalSpike, refusalWindows } from '../../../../shared/drift/checks/refusal-spike';
import { sliceValue } from '../../../../shared/drift/sql-fragments';
import type { CheckOutcome } from '../../../../shared/drift/types';
import { BLOCK_ACTIONS } from '../../../../shared/domain/guardrail';
import { IS_BLOCKED } from '../../../../shared/query/filter';
import { sqlString } from '../../../../shared/query/sql';
import { type DriftContext, DriftParams } from '../context';

const BLOCKED_DIMENSIONS = `list_distinct(list_transform(
  list_filter(guardrail_decisions, lambda g: lower(g.action) IN (${BLOCK_ACTIONS.map(sqlString).join(', ')})),
  lambda g: lower(coalesce(g.dimension, 'unknown'))))`;

/** Requests and blocks per feature (all dimensions, and each dimension) per day bucket; bucket 0 is the recent window. */
async function blockRows(ctx: DriftContext): Promise<BlockRow[]> {
  const w = refusalWindows(ctx.asOf, ctx.rules.refusal_spike);
  const p = new DriftParams();
  const recentFrom = p.time(w.recent.from);
  const sql = `
    WITH c AS MATERIALIZED (
      SELECT ${sliceValue('feature')} AS feature, guardrail_decisions,
        CASE WHEN ts >= ${recentFrom} THEN 0 ELSE 1 + CAST(floor((epoch_ms(${recentFrom}) - epoch_ms(ts)) / 86400000) AS INTEGER) END AS bucket
      FROM calls WHERE ts >= ${p.time(w.baseline.from)} AND ts < ${p.time(w.recent.to)}),
    totals AS (SELECT feature, bucket, count(*) AS requests, count(*) FILTER (coalesce(${IS_BLOCKED}, false)) AS blocks FROM c GROUP BY ALL),
    dims AS (SELECT feature, bucket, dimension, count(*) AS blocks FROM (SELECT feature, bucket, unnest(${BLOCKED_DIMENSIONS}) AS dimension FROM c) GROUP BY ALL),
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
