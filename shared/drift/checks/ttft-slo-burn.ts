import type { AlertDraft, CheckOutcome, SkippedSlice } from '../types';
import type { RulesOf } from '../rules';
import { outcome, pct, seriesAround, skip, sliceLabel } from '../outcome';
import { round } from '../stats';
import { DAY_MS, HOUR_MS, MINUTE_MS, windowBefore } from '../windows';

/** The bucket TTFT counts come in; burn windows are whole numbers of buckets. */
export const TTFT_BUCKET_MINUTES = 5;

/** Calls with a TTFT and those over the SLO, for one slice in one 5-minute bucket of the lookback. */
export interface TtftBucketRow {
  readonly dimension: string;
  readonly value: string;
  readonly bucket_start: string;
  readonly requests: number;
  readonly slow: number;
}

/** The same counts over the whole SLO period (budget_days). */
export interface TtftBudgetRow {
  readonly dimension: string;
  readonly value: string;
  readonly requests: number;
  readonly slow: number;
}

/**
 * Burn rate: the share of calls over the SLO divided by the share the objective allows
 * (an objective of p95 < 800 ms allows 5%). A burn of 1 spends the budget exactly over the SLO period.
 */
export function burnRate(slow: number, requests: number, objective: number): number {
  return requests > 0 ? slow / requests / Math.max(1 - objective, 1e-9) : 0;
}

interface Burn {
  readonly from: string;
  readonly to: string;
  readonly requests: number;
  readonly burn: number;
}

function rollingBurns(rows: readonly TtftBucketRow[], hours: number, objective: number): Burn[] {
  const bucketMs = TTFT_BUCKET_MINUTES * MINUTE_MS;
  const span = Math.max(1, Math.round((hours * HOUR_MS) / bucketMs));
  const byStart = new Map(rows.map((r) => [Date.parse(r.bucket_start), r]));
  return rows.map((r) => {
    const last = Date.parse(r.bucket_start);
    let requests = 0;
    let slow = 0;
    for (let i = 0; i < span; i++) {
      const b = byStart.get(last - i * bucketMs);
      if (b) {
        requests += b.requests;
        slow += b.slow;
      }
    }
    return { from: new Date(last - (span - 1) * bucketMs).toISOString(), to: new Date(last + bucketMs).toISOString(), requests, burn: burnRate(slow, requests, objective) };
  });
}

/** ttft_slo_burn: multi-window burn rates of the TTFT SLO per slice; the worst window in the lookback. */
export function ttftSloBurn(asOf: Date, rows: readonly TtftBucketRow[], budget: readonly TtftBudgetRow[], rules: RulesOf<'ttft_slo_burn'>): CheckOutcome {
  const groups = new Map<string, TtftBucketRow[]>();
  for (const r of rows) {
    const k = `${r.dimension}\u0000${r.value}`;
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  for (const group of groups.values()) group.sort((a, b) => a.bucket_start.localeCompare(b.bucket_start));
  const alerts: AlertDraft[] = [];
  const skipped: SkippedSlice[] = [];
  let judged = 0;
  const tiers = [
    { kind: 'ttft_fast_burn', severity: 'page', hours: rules.fast_window_hours, limit: rules.fast_burn },
    { kind: 'ttft_slow_burn', severity: 'ticket', hours: rules.slow_window_hours, limit: rules.slow_burn },
  ] as const;
  for (const group of groups.values()) {
    const { dimension, value } = group[0]!;
    const slice = { [dimension]: value };
    const candidates = tiers.map((tier) => ({ tier, burns: rollingBurns(group, tier.hours, rules.objective).filter((b) => b.requests >= rules.min_requests) }));
    if (candidates.every((c) => c.burns.length === 0)) {
      skipped.push(skip(slice, `under min_requests ${rules.min_requests} calls with a TTFT in every ${rules.fast_window_hours} h window`));
      continue;
    }
    judged++;
    const total = budget.find((b) => b.dimension === dimension && b.value === value);
    const longBurn = total ? burnRate(total.slow, total.requests, rules.objective) : null;
    for (const { tier, burns } of candidates) {
      const worst = burns.reduce<Burn | undefined>((best, b) => (!best || b.burn > best.burn ? b : best), undefined);
      if (!worst || worst.burn <= tier.limit) continue;
      const budgetShare = 1 - rules.objective;
      alerts.push({
        check: 'ttft_slo_burn',
        kind: tier.kind,
        severity: tier.severity,
        slice,
        window: { from: worst.from, to: worst.to },
        baseline_window: windowBefore(asOf, rules.budget_days * DAY_MS),
        value: round(worst.burn, 2),
        baseline: longBurn === null ? null : round(longBurn, 3),
        threshold: tier.limit,
        message: `TTFT on ${sliceLabel(slice)} burned the ${rules.slo_ms} ms SLO budget at ${worst.burn.toFixed(1)}x over the ${tier.hours} h from ${worst.from}: ${pct(worst.burn * budgetShare)} of ${worst.requests} calls over ${rules.slo_ms} ms where ${pct(budgetShare)} is allowed (threshold ${tier.limit}x).`,
        security: false,
        impact: worst.burn * worst.requests,
        series: seriesAround(rollingBurns(group, tier.hours, rules.objective).map((b) => ({ t: b.from, value: round(b.burn, 3) })), worst.from),
      });
      break;
    }
  }
  return outcome(alerts, judged, skipped, 'slices');
}
