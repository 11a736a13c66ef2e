import { TTFT_BUCKET_MINUTES, type TtftBucketRow, type TtftBudgetRow, ttftSloBurn } from '../../../../shared/drift/checks/ttft-slo-burn';
import { sliceValue } from '../../../../shared/drift/sql-fragments';
import type { CheckOutcome } from '../../../../shared/drift/types';
import { HOUR_MS, MINUTE_MS } from '../../../../shared/drift/windows';
import { type DriftContext, DriftParams } from '../context';

const BY_FEATURE_AND_MODEL = `
  CASE WHEN grouping(feat) = 0 THEN 'feature' ELSE 'model_resolved' END AS dimension,
  CASE WHEN grouping(feat) = 0 THEN feat ELSE model END AS value`;

function ttftCalls(ctx: DriftContext, p: DriftParams, fromMs: number): string {
  const asOf = p.time(ctx.asOf);
  return `
    SELECT ${sliceValue('feature')} AS feat, ${sliceValue('model_resolved')} AS model, ttft_ms > ${p.num(ctx.rules.ttft_slo_burn.slo_ms)} AS slow,
      ${p.bucketIndex(ctx.asOf, TTFT_BUCKET_MINUTES * MINUTE_MS)} AS b
    FROM calls WHERE ttft_ms IS NOT NULL AND ts < ${asOf} AND ts >= ${p.time(new Date(ctx.asOf.getTime() - fromMs))}`;
}

async function buckets(ctx: DriftContext): Promise<TtftBucketRow[]> {
  const p = new DriftParams();
  const sql = `
    WITH c AS (${ttftCalls(ctx, p, ctx.rules.ttft_slo_burn.lookback_hours * HOUR_MS)})
    SELECT ${BY_FEATURE_AND_MODEL}, ${p.bucketStart(ctx.asOf, TTFT_BUCKET_MINUTES * MINUTE_MS, 'b')} AS bucket_start, count(*) AS requests, count(*) FILTER (slow) AS slow
    FROM c GROUP BY GROUPING SETS ((feat, b), (model, b))`;
  return ctx.db.all<TtftBucketRow & Record<string, unknown>>(sql, p.values);
}

/** Calls with a TTFT and those over the SLO per feature and per model over the budget days, from the shared per-day scan. */
async function budget(ctx: DriftContext): Promise<TtftBudgetRow[]> {
  const p = new DriftParams();
  const sql = `
    WITH c AS (
      SELECT ${sliceValue('feature')} AS feat, ${sliceValue('model_resolved')} AS model, ttft_calls, ttft_slow
      FROM ${await ctx.scans.daily()} WHERE k <= ${p.int(ctx.rules.ttft_slo_burn.budget_days)})
    SELECT ${BY_FEATURE_AND_MODEL}, CAST(sum(ttft_calls) AS BIGINT) AS requests, CAST(sum(ttft_slow) AS BIGINT) AS slow
    FROM c GROUP BY GROUPING SETS ((feat), (model)) HAVING sum(ttft_calls) > 0`;
  return ctx.db.all<TtftBudgetRow & Record<string, unknown>>(sql, p.values);
}

export async function runTtftSloBurn(ctx: DriftContext): Promise<CheckOutcome> {
  return ttftSloBurn(ctx.asOf, await buckets(ctx), await budget(ctx), ctx.rules.ttft_slo_burn);
}
