import { type AlertDraft, type CheckOutcome, type SkippedSlice } from '../types';
import type { RulesOf } from '../rules';
import { boundSeries, outcome, skip, sliceLabel } from '../outcome';
import { formatUsd as usd } from '../../text/money';
import { round, zScore } from '../stats';
import { DAY_MS, HOUR_MS, windowBefore } from '../windows';

/** Cost of one slice in one 24-hour bucket: day 0 is the last 24 h, day k the k-th 24 h before it. */
export interface DailyCostRow {
  readonly dimension: string;
  readonly value: string;
  readonly day: number;
  readonly cost: number;
  readonly requests: number;
}

/** Cost per request p99 of one slice: the last hour against the baseline window. */
export interface HourlyP99Row {
  readonly dimension: string;
  readonly value: string;
  readonly recent_requests: number;
  readonly recent_cost: number;
  readonly recent_p99: number | null;
  readonly baseline_requests: number;
  readonly baseline_p99: number | null;
  readonly baseline_mean: number | null;
}

/** Cost per request p99 of one slice per hour (for the chart). */
export interface HourlyP99Point {
  readonly dimension: string;
  readonly value: string;
  readonly hour: string;
  readonly p99: number;
}

export interface CostAnomalyInput {
  readonly asOf: Date;
  /** Full 24-hour days of data before the last 24 h (the baseline can not be longer). */
  readonly baselineDaysAvailable: number;
  readonly daily: readonly DailyCostRow[];
  readonly hourly: readonly HourlyP99Row[];
  readonly hourlySeries: readonly HourlyP99Point[];
}

const key = (r: { dimension: string; value: string }) => `${r.dimension}\u0000${r.value}`;

export function costBaselineWindow(asOf: Date, rules: RulesOf<'cost_anomaly'>) {
  return windowBefore(asOf, rules.baseline_days * DAY_MS, DAY_MS);
}

function dailyAlerts(input: CostAnomalyInput, rules: RulesOf<'cost_anomaly'>, skipped: SkippedSlice[]): { alerts: AlertDraft[]; judged: number } {
  const days = Math.min(rules.baseline_days, input.baselineDaysAvailable);
  const bySlice = new Map<string, DailyCostRow[]>();
  for (const row of input.daily) bySlice.set(key(row), [...(bySlice.get(key(row)) ?? []), row]);
  const alerts: AlertDraft[] = [];
  let judged = 0;
  for (const rows of bySlice.values()) {
    const slice = { [rows[0]!.dimension]: rows[0]!.value };
    const today = rows.find((r) => r.day === 0);
    const requests = today?.requests ?? 0;
    if (requests < rules.min_requests) {
      skipped.push(skip(slice, `${requests} requests in the last 24 h, under min_requests ${rules.min_requests}`));
      continue;
    }
    if (days < rules.min_baseline_days) {
      skipped.push(skip(slice, `${days} days of baseline, under min_baseline_days ${rules.min_baseline_days}`));
      continue;
    }
    judged++;
    // A day without calls cost nothing: missing days count as zero, not as absent.
    const baseline = Array.from({ length: days }, (_, i) => rows.find((r) => r.day === i + 1)?.cost ?? 0);
    const { z, mean, sigma } = zScore(today!.cost, baseline, rules.sigma_floor_ratio);
    if (z <= rules.z) continue;
    const series = boundSeries(
      Array.from({ length: days + 1 }, (_, d) => ({ t: new Date(input.asOf.getTime() - (d + 1) * DAY_MS).toISOString(), value: d === 0 ? today!.cost : baseline[d - 1]! })),
    );
    alerts.push({
      check: 'cost_anomaly',
      kind: 'cost_daily',
      severity: 'ticket',
      slice,
      window: windowBefore(input.asOf, DAY_MS),
      baseline_window: windowBefore(input.asOf, days * DAY_MS, DAY_MS),
      value: round(today!.cost, 6),
      baseline: round(mean, 6),
      threshold: round(mean + rules.z * sigma, 6),
      message: `${sliceLabel(slice)} spent ${usd(today!.cost)} in the last 24 h against ${usd(mean)} a day over the prior ${days} days (z = ${z.toFixed(1)} > ${rules.z}).`,
      security: false,
      impact: today!.cost - mean,
      series,
    });
  }
  return { alerts, judged };
}

function p99Alerts(input: CostAnomalyInput, rules: RulesOf<'cost_anomaly'>, skipped: SkippedSlice[]): { alerts: AlertDraft[]; judged: number } {
  const alerts: AlertDraft[] = [];
  let judged = 0;
  for (const row of input.hourly) {
    const slice = { [row.dimension]: row.value };
    if (row.recent_requests < rules.min_requests_p99 || row.baseline_p99 === null || row.recent_p99 === null) {
      skipped.push(skip(slice, `${row.recent_requests} requests in the last ${rules.p99_window_hours} h, under min_requests_p99 ${rules.min_requests_p99}`));
      continue;
    }
    judged++;
    const limit = rules.p99_ratio * row.baseline_p99;
    if (row.recent_p99 <= limit || row.baseline_p99 <= 0) continue;
    const excess = row.recent_cost - row.recent_requests * (row.baseline_mean ?? 0);
    alerts.push({
      check: 'cost_anomaly',
      kind: 'cost_p99',
      severity: 'page',
      slice,
      window: windowBefore(input.asOf, rules.p99_window_hours * HOUR_MS),
      baseline_window: costBaselineWindow(input.asOf, rules),
      value: round(row.recent_p99, 6),
      baseline: round(row.baseline_p99, 6),
      threshold: round(limit, 6),
      message: `${sliceLabel(slice)}: cost per request p99 is ${usd(row.recent_p99)} over the last ${rules.p99_window_hours} h, ${(row.recent_p99 / row.baseline_p99).toFixed(1)}x its baseline ${usd(row.baseline_p99)} (${usd(excess)} over the baseline rate).`,
      security: false,
      impact: excess,
      series: boundSeries(input.hourlySeries.filter((p) => key(p) === key(row)).map((p) => ({ t: p.hour, value: p.p99 }))),
    });
  }
  return { alerts, judged };
}

/** cost_anomaly: daily cost per tenant and feature against the prior days (z-score), and the last hour's cost per request p99. */
export function costAnomaly(input: CostAnomalyInput, rules: RulesOf<'cost_anomaly'>): CheckOutcome {
  const skipped: SkippedSlice[] = [];
  const daily = dailyAlerts(input, rules, skipped);
  const hourly = p99Alerts(input, rules, skipped);
  return outcome([...hourly.alerts, ...daily.alerts], daily.judged + hourly.judged, skipped, 'slices');
}
