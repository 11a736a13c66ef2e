import { type ErrorWindowRow, errorRateSpike } from '../../../../shared/drift/checks/error-rate-spike';
import { ERROR_CLASS_SQL, sliceValue } from '../../../../shared/drift/sql-fragments';
import type { CheckOutcome } from '../../../../shared/drift/types';
import { HOUR_MS, MINUTE_MS } from '../../../../shared/drift/windows';
import { type DriftContext, DriftParams } from '../context';

/** Calls and typed errors per provider and per feature in windows of `window_minutes`, over the lookback. */
async function errorWindows(ctx: DriftContext): Promise<ErrorWindowRow[]> {
  const rules = ctx.rules.error_rate_spike;
  const p = new DriftParams();
  const asOf = p.time(ctx.asOf);
  const sql = `
    WITH c AS (
      SELECT ${sliceValue('provider')} AS prov, ${sliceValue('feature')} AS feat,
        ${p.bucketIndex(ctx.asOf, rules.window_minutes * MINUTE_MS)} AS w,
        ${ERROR_CLASS_SQL.rate_limit_429} AS e429, ${ERROR_CLASS_SQL.provider_5xx} AS e5xx,
        ${ERROR_CLASS_SQL.context_overflow} AS overflow, ${ERROR_CLASS_SQL.empty_completion} AS empty
      FROM calls WHERE ts < ${asOf} AND ts >= ${p.time(new Date(ctx.asOf.getTime() - rules.lookback_hours * HOUR_MS))})
    SELECT CASE WHEN grouping(prov) = 0 THEN 'provider' ELSE 'feature' END AS dimension,
      CASE WHEN grouping(prov) = 0 THEN prov ELSE feat END AS value, ${p.bucketStart(ctx.asOf, rules.window_minutes * MINUTE_MS, 'w')} AS window_start,
      count(*) AS requests, count(*) FILTER (e429) AS rate_limit_429, count(*) FILTER (e5xx) AS provider_5xx,
      count(*) FILTER (overflow) AS context_overflow, count(*) FILTER (empty) AS empty_completion
    FROM c GROUP BY GROUPING SETS ((prov, w), (feat, w))`;
  return ctx.db.all<ErrorWindowRow & Record<string, unknown>>(sql, p.values);
}

export async function runErrorRateSpike(ctx: DriftContext): Promise<CheckOutcome> {
  return errorRateSpike(ctx.asOf, await errorWindows(ctx), ctx.rules.error_rate_spike);
}
