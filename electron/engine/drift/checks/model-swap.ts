import { modelSwap, type ResolutionRow, type ResolutionSharePoint } from '../../../../shared/drift/checks/model-swap';
import type { CheckOutcome } from '../../../../shared/drift/types';
import { type DriftContext, DriftParams } from '../context';

/** Calls per (model_requested, model_resolved, day), split at the start of the recent window, from the shared per-day scan. */
async function dailySql(ctx: DriftContext, p: DriftParams): Promise<string> {
  const rules = ctx.rules.model_swap;
  return `
    SELECT model_requested, model_resolved, ${ctx.scans.dayStart(p)} AS day, k <= ${p.int(rules.recent_days)} AS recent,
      CAST(sum(calls) AS BIGINT) AS n, min(first_ts) AS first_ts
    FROM ${await ctx.scans.daily()}
    WHERE model_requested IS NOT NULL AND model_resolved IS NOT NULL AND k <= ${p.int(rules.recent_days + rules.baseline_days)}
    GROUP BY ALL`;
}

async function resolutions(ctx: DriftContext, days: string): Promise<ResolutionRow[]> {
  const p = new DriftParams();
  const sql = `
    WITH pairs AS (
      SELECT model_requested, model_resolved, coalesce(sum(n) FILTER (recent), 0) AS recent_calls, coalesce(sum(n) FILTER (NOT recent), 0) AS baseline_calls,
        min(first_ts) FILTER (recent) AS first_seen
      FROM ${days} GROUP BY ALL),
    requested AS (SELECT model_requested, coalesce(sum(n) FILTER (NOT recent), 0) AS requested_baseline_calls FROM ${days} GROUP BY ALL),
    since AS (
      -- only new resolutions (rare) go back to the calls: how much of the requested model's traffic came after each first appeared
      SELECT np.model_requested, np.model_resolved, count(*) AS requested_since_first_seen
      FROM (SELECT * FROM pairs WHERE baseline_calls = 0 AND recent_calls > 0) np
      JOIN calls c ON c.model_requested = np.model_requested
      WHERE c.ts >= np.first_seen AND c.ts < ${p.time(ctx.asOf)} AND c.model_resolved IS NOT NULL
      GROUP BY ALL)
    SELECT pairs.*, requested.requested_baseline_calls, coalesce(since.requested_since_first_seen, 0) AS requested_since_first_seen
    FROM pairs JOIN requested USING (model_requested) LEFT JOIN since USING (model_requested, model_resolved)
    ORDER BY model_requested, model_resolved`;
  return ctx.db.all<ResolutionRow & Record<string, unknown>>(sql, p.values);
}

async function shares(ctx: DriftContext, days: string): Promise<ResolutionSharePoint[]> {
  return ctx.db.all<ResolutionSharePoint & Record<string, unknown>>(`
    WITH n AS (SELECT model_requested, model_resolved, day, sum(n) AS calls FROM ${days} GROUP BY ALL)
    SELECT model_requested, model_resolved, day, calls / sum(calls) OVER (PARTITION BY model_requested, day) AS share FROM n`);
}

export async function runModelSwap(ctx: DriftContext): Promise<CheckOutcome> {
  const p = new DriftParams();
  const days = ctx.scans.tempName('drift_model_days');
  await ctx.db.exec(`CREATE OR REPLACE TEMP TABLE ${days} AS ${await dailySql(ctx, p)}`, p.values);
  try {
    return modelSwap(ctx.asOf, await resolutions(ctx, days), await shares(ctx, days), ctx.rules.model_swap);
  } finally {
    await ctx.db.exec(`DROP TABLE IF EXISTS ${days}`);
  }
}
