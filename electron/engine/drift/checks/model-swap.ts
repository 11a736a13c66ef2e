import { DAY_MS } from '../../../../shared/drift/windows';
import { modelSwap, modelSwapWindows, type ResolutionRow, type ResolutionSharePoint } from '../../../../shared/drift/checks/model-swap';
import type { CheckOutcome } from '../../../../shared/drift/types';
import { type DriftContext, DriftParams } from '../context';

function calls(ctx: DriftContext, p: DriftParams): string {
  const w = modelSwapWindows(ctx.asOf, ctx.rules.model_swap);
  return `
    SELECT model_requested, model_resolved, ts, ts >= ${p.time(w.recent.from)} AS recent,
      ${p.bucket(ctx.asOf, DAY_MS)} AS day
    FROM calls
    WHERE model_requested IS NOT NULL AND model_resolved IS NOT NULL AND ts >= ${p.time(w.baseline.from)} AND ts < ${p.time(w.recent.to)}`;
}

async function resolutions(ctx: DriftContext): Promise<ResolutionRow[]> {
  const p = new DriftParams();
  const sql = `
    WITH c AS MATERIALIZED (${calls(ctx, p)}),
    pairs AS (
      SELECT model_requested, model_resolved, count(*) FILTER (recent) AS recent_calls, count(*) FILTER (NOT recent) AS baseline_calls,
        min(ts) FILTER (recent) AS first_seen
      FROM c GROUP BY ALL),
    requested AS (SELECT model_requested, count(*) FILTER (NOT recent) AS requested_baseline_calls FROM c GROUP BY ALL),
    since AS (
      -- calls of model_requested from each call on: read at the pair's first call (no inequality join)
      SELECT model_requested, model_resolved, ts, count(*) OVER (PARTITION BY model_requested ORDER BY ts DESC) AS requested_since_first_seen
      FROM c WHERE recent)
    SELECT pairs.*, requested.requested_baseline_calls, coalesce(max(since.requested_since_first_seen), 0) AS requested_since_first_seen
    FROM pairs JOIN requested USING (model_requested) LEFT JOIN since ON since.model_requested = pairs.model_requested AND since.model_resolved = pairs.model_resolved AND since.ts = pairs.first_seen
    GROUP BY ALL ORDER BY pairs.model_requested, pairs.model_resolved`;
  return ctx.db.all<ResolutionRow & Record<string, unknown>>(sql, p.values);
}

async function shares(ctx: DriftContext): Promise<ResolutionSharePoint[]> {
  const p = new DriftParams();
  const sql = `
    WITH c AS (${calls(ctx, p)}),
    n AS (SELECT model_requested, model_resolved, day, count(*) AS calls FROM c GROUP BY ALL)
    SELECT model_requested, model_resolved, day, calls / sum(calls) OVER (PARTITION BY model_requested, day) AS share FROM n`;
  return ctx.db.all<ResolutionSharePoint & Record<string, unknown>>(sql, p.values);
}

export async function runModelSwap(ctx: DriftContext): Promise<CheckOutcome> {
  return modelSwap(ctx.asOf, await resolutions(ctx), await shares(ctx), ctx.rules.model_swap);
}
