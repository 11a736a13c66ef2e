import { costAnomaly, costBaselineWindow, type DailyCostRow, type HourlyP99Point, type HourlyP99Row } from '../../../../shared/drift/checks/cost-anomaly';
import { sliceValue } from '../../../../shared/drift/sql-fragments';
import type { CheckOutcome, Slice } from '../../../../shared/drift/types';
import { DAY_MS, HOUR_MS } from '../../../../shared/drift/windows';
import { type DriftContext, DriftParams } from '../context';

/** Grouping sets for "per tenant and per feature" in one scan. */
const BY_TENANT_AND_FEATURE = `
  CASE WHEN grouping(tenant) = 0 THEN 'tenant_id' ELSE 'feature' END AS dimension,
  CASE WHEN grouping(tenant) = 0 THEN tenant ELSE feat END AS value`;

/** Cost and calls per tenant and per feature for each of the last baseline_days + 1 days (day 0: the last 24 h), from the shared per-day scan. */
async function daily(ctx: DriftContext): Promise<DailyCostRow[]> {
  const table = await ctx.scans.daily();
  const p = new DriftParams();
  const sql = `
    WITH c AS (
      SELECT ${sliceValue('tenant_id')} AS tenant, ${sliceValue('feature')} AS feat, cost, calls, k - 1 AS day
      FROM ${table} WHERE k <= ${p.int(ctx.rules.cost_anomaly.baseline_days + 1)})
    SELECT ${BY_TENANT_AND_FEATURE}, day, sum(cost) AS cost, CAST(sum(calls) AS BIGINT) AS requests
    FROM c GROUP BY GROUPING SETS ((tenant, day), (feat, day))`;
  return ctx.db.all<DailyCostRow & Record<string, unknown>>(sql, p.values);
}

/**
 * Cost per request p99 of the last hour per tenant and per feature, and its baseline. The baseline's
 * p99 (a quantile over four weeks of calls) is computed only for the slices busy enough in the hour to
 * be judged (min_requests_p99); the others are skipped on their hourly volume alone.
 */
async function hourly(ctx: DriftContext): Promise<HourlyP99Row[]> {
  const rules = ctx.rules.cost_anomaly;
  const base = costBaselineWindow(ctx.asOf, rules);
  const p = new DriftParams();
  const recentFrom = p.time(new Date(ctx.asOf.getTime() - rules.p99_window_hours * HOUR_MS));
  const slices = `${sliceValue('tenant_id')} AS tenant, ${sliceValue('feature')} AS feat, cost_usd AS cost`;
  const sql = `
    WITH recent AS (
      SELECT ${BY_TENANT_AND_FEATURE}, count(*) AS recent_requests, coalesce(sum(cost), 0) AS recent_cost, quantile_cont(cost, 0.99) AS recent_p99
      FROM (SELECT ${slices} FROM calls WHERE cost_usd IS NOT NULL AND ts >= ${recentFrom} AND ts < ${p.time(ctx.asOf)})
      GROUP BY GROUPING SETS ((tenant), (feat))),
    judged AS (SELECT dimension, value FROM recent WHERE recent_requests >= ${p.int(rules.min_requests_p99)}),
    baseline AS (
      SELECT ${BY_TENANT_AND_FEATURE}, count(*) AS baseline_requests, quantile_cont(cost, 0.99) AS baseline_p99, avg(cost) AS baseline_mean
      FROM (SELECT ${slices} FROM calls WHERE cost_usd IS NOT NULL AND ts >= ${p.time(base.from)} AND ts < ${p.time(base.to)} AND ts < ${recentFrom})
      WHERE tenant IN (SELECT value FROM judged WHERE dimension = 'tenant_id') OR feat IN (SELECT value FROM judged WHERE dimension = 'feature')
      GROUP BY GROUPING SETS ((tenant), (feat)))
    SELECT r.dimension, r.value, r.recent_requests, r.recent_cost, r.recent_p99,
      coalesce(b.baseline_requests, 0) AS baseline_requests, b.baseline_p99, b.baseline_mean
    FROM recent r LEFT JOIN baseline b ON b.dimension = r.dimension AND b.value = r.value AND r.recent_requests >= ${p.int(rules.min_requests_p99)}`;
  return ctx.db.all<HourlyP99Row & Record<string, unknown>>(sql, p.values);
}

/** Hourly cost per request p99 over the last two days of the slices with a p99 alert, for their charts. */
async function hourlySeries(ctx: DriftContext, slices: readonly Slice[]): Promise<HourlyP99Point[]> {
  const p = new DriftParams();
  const asOf = p.time(ctx.asOf);
  const among = (dimension: string, column: string) => {
    const values = slices.flatMap((s) => (s[dimension] === undefined ? [] : [p.add(s[dimension])]));
    return values.length ? `${column} IN (${values.join(', ')})` : 'false';
  };
  const tenants = among('tenant_id', 'tenant');
  const features = among('feature', 'feat');
  const sql = `
    WITH c AS (
      SELECT ${sliceValue('tenant_id')} AS tenant, ${sliceValue('feature')} AS feat, cost_usd AS cost,
        ${p.bucket(ctx.asOf, HOUR_MS)} AS hour
      FROM calls WHERE cost_usd IS NOT NULL AND ts < ${asOf} AND ts >= ${p.time(new Date(ctx.asOf.getTime() - 2 * DAY_MS))})
    SELECT ${BY_TENANT_AND_FEATURE}, hour, quantile_cont(cost, 0.99) AS p99
    FROM c WHERE ${tenants} OR ${features}
    GROUP BY GROUPING SETS ((tenant, hour), (feat, hour))
    HAVING (grouping(tenant) = 0 AND ${tenants}) OR (grouping(feat) = 0 AND ${features})`;
  return ctx.db.all<HourlyP99Point & Record<string, unknown>>(sql, p.values);
}

export async function runCostAnomaly(ctx: DriftContext): Promise<CheckOutcome> {
  const baselineDaysAvailable = Math.max(0, Math.floor((ctx.asOf.getTime() - ctx.firstTs.getTime()) / DAY_MS) - 1);
  const input = { asOf: ctx.asOf, baselineDaysAvailable, daily: await daily(ctx), hourly: await hourly(ctx), hourlySeries: [] };
  const decided = costAnomaly(input, ctx.rules.cost_anomaly);
  // The hourly chart is scanned for only the slices whose p99 alerts (usually none), then the decision is made again with it.
  const p99Slices = decided.alerts.filter((a) => a.kind === 'cost_p99').map((a) => a.slice);
  if (p99Slices.length === 0) return decided;
  return costAnomaly({ ...input, hourlySeries: await hourlySeries(ctx, p99Slices) }, ctx.rules.cost_anomaly);
}
