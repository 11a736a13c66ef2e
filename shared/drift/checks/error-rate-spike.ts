import type { AlertDraft, CheckOutcome, Severity, SkippedSlice } from '../types';
import type { RulesOf } from '../rules';
import { outcome, pct, seriesAround, skip, sliceLabel } from '../outcome';
import { round } from '../stats';
import { HOUR_MS, MINUTE_MS, windowBefore } from '../windows';

/** Calls and typed errors of one slice (provider or feature) in one window of `window_minutes`. */
export interface ErrorWindowRow {
  readonly dimension: string;
  readonly value: string;
  readonly window_start: string;
  readonly requests: number;
  readonly rate_limit_429: number;
  readonly provider_5xx: number;
  readonly context_overflow: number;
  readonly empty_completion: number;
}

export const ERROR_KINDS = ['rate_limit_429', 'provider_5xx', 'context_overflow', 'empty_completion'] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

interface KindSpec {
  readonly severity: Severity;
  readonly label: string;
  readonly threshold: (r: RulesOf<'error_rate_spike'>) => number;
  /** Length of the judged window, in minutes. */
  readonly minutes: (r: RulesOf<'error_rate_spike'>) => number;
}

const KINDS: Record<ErrorKind, KindSpec> = {
  rate_limit_429: { severity: 'page', label: 'HTTP 429 rate limits', threshold: (r) => r.rate_429, minutes: (r) => r.window_minutes },
  provider_5xx: { severity: 'page', label: 'provider 5xx errors', threshold: (r) => r.rate_5xx, minutes: (r) => r.window_minutes },
  context_overflow: { severity: 'ticket', label: 'context overflows', threshold: (r) => r.rate_context_overflow, minutes: (r) => Math.max(r.overflow_window_minutes, r.window_minutes) },
  empty_completion: { severity: 'warn', label: 'empty completions', threshold: (r) => r.rate_empty, minutes: (r) => r.window_minutes },
};

interface Window {
  readonly start: string;
  readonly requests: number;
  readonly errors: number;
}

/** Windows of `span` consecutive buckets ending at each bucket (rolling), from per-bucket counts. */
function rolling(rows: readonly ErrorWindowRow[], kind: ErrorKind, span: number, bucketMs: number): Window[] {
  const byStart = new Map(rows.map((r) => [Date.parse(r.window_start), r]));
  return rows.map((r) => {
    const end = Date.parse(r.window_start);
    let requests = 0;
    let errors = 0;
    for (let i = 0; i < span; i++) {
      const b = byStart.get(end - i * bucketMs);
      if (b) {
        requests += b.requests;
        errors += b[kind];
      }
    }
    return { start: new Date(end - (span - 1) * bucketMs).toISOString(), requests, errors };
  });
}

/** error_rate_spike: typed error rates per provider and feature in short windows; the worst window of each slice and kind. */
export function errorRateSpike(asOf: Date, rows: readonly ErrorWindowRow[], rules: RulesOf<'error_rate_spike'>): CheckOutcome {
  const bucketMs = rules.window_minutes * MINUTE_MS;
  const lookback = windowBefore(asOf, rules.lookback_hours * HOUR_MS);
  const groups = new Map<string, ErrorWindowRow[]>();
  for (const r of rows) {
    const k = `${r.dimension}\u0000${r.value}`;
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  // Time order, so that of equally bad windows the earliest is reported, whatever order the rows came in.
  for (const group of groups.values()) group.sort((a, b) => a.window_start.localeCompare(b.window_start));
  const alerts: AlertDraft[] = [];
  const skipped: SkippedSlice[] = [];
  let judged = 0;
  for (const group of groups.values()) {
    const slice = { [group[0]!.dimension]: group[0]!.value };
    const busiest = Math.max(...group.map((r) => r.requests));
    if (busiest < rules.min_requests) {
      skipped.push(skip(slice, `at most ${busiest} requests per ${rules.window_minutes}-minute window, under min_requests ${rules.min_requests}`));
      continue;
    }
    judged++;
    const totalRequests = group.reduce((s, r) => s + r.requests, 0);
    for (const kind of ERROR_KINDS) {
      const spec = KINDS[kind];
      const minutes = spec.minutes(rules);
      const windows = rolling(group, kind, Math.max(1, Math.round(minutes / rules.window_minutes)), bucketMs).filter((w) => w.requests >= rules.min_requests);
      const worst = windows.reduce<Window | undefined>((best, w) => (!best || w.errors / w.requests > best.errors / best.requests ? w : best), undefined);
      if (!worst) continue;
      const rate = worst.errors / worst.requests;
      const threshold = spec.threshold(rules);
      if (rate <= threshold || worst.errors < rules.min_errors) continue;
      const overall = group.reduce((s, r) => s + r[kind], 0) / totalRequests;
      const from = worst.start;
      const to = new Date(Date.parse(from) + minutes * MINUTE_MS).toISOString();
      alerts.push({
        check: 'error_rate_spike',
        kind,
        severity: spec.severity,
        slice,
        window: { from, to },
        baseline_window: lookback,
        value: round(rate),
        baseline: round(overall),
        threshold,
        message: `${spec.label} on ${sliceLabel(slice)} reached ${pct(rate)} of ${worst.requests} requests in the ${minutes} minutes from ${from} (threshold ${pct(threshold)}; ${pct(overall, 2)} over the last ${rules.lookback_hours} h).`,
        security: false,
        impact: worst.errors,
        series: seriesAround(group.map((r) => ({ t: r.window_start, value: r.requests > 0 ? round(r[kind] / r.requests) : null })), from),
      });
    }
  }
  return outcome(alerts, judged, skipped, 'slices');
}
