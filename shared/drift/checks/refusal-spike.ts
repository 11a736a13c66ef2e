import { SECURITY_DIMENSIONS } from '../../domain/guardrail';
import type { AlertDraft, CheckOutcome, Slice, SkippedSlice } from '../types';
import type { RulesOf } from '../rules';
import { boundSeries, outcome, pct, skip, sliceLabel } from '../outcome';
import { round } from '../stats';
import { DAY_MS, HOUR_MS, windowBefore } from '../windows';

/**
 * Calls and blocked calls of one feature in one bucket: bucket 0 is the recent window,
 * bucket k the k-th day before it. `dimension` is '' for blocks of any dimension.
 */
export interface BlockRow {
  readonly feature: string;
  readonly dimension: string;
  readonly bucket: number;
  readonly requests: number;
  readonly blocks: number;
}

export function refusalWindows(asOf: Date, rules: RulesOf<'refusal_spike'>) {
  const recentMs = rules.window_hours * HOUR_MS;
  return { recent: windowBefore(asOf, recentMs), baseline: windowBefore(asOf, rules.baseline_days * DAY_MS, recentMs) };
}

export function isSecurityDimension(dimension: string): boolean {
  return (SECURITY_DIMENSIONS as readonly string[]).includes(dimension.toLowerCase());
}

/** refusal_spike: guardrail block rate per feature (and per dimension) in the recent window against the baseline days. */
export function refusalSpike(asOf: Date, rows: readonly BlockRow[], rules: RulesOf<'refusal_spike'>): CheckOutcome {
  const windows = refusalWindows(asOf, rules);
  const groups = new Map<string, BlockRow[]>();
  for (const r of rows) {
    const k = `${r.feature}\u0000${r.dimension}`;
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  const alerts: AlertDraft[] = [];
  const skipped: SkippedSlice[] = [];
  let judged = 0;
  for (const group of groups.values()) {
    const { feature, dimension } = group[0]!;
    const slice: Slice = dimension ? { feature, dimension } : { feature };
    const recent = group.find((r) => r.bucket === 0) ?? { requests: 0, blocks: 0 };
    const base = group.filter((r) => r.bucket > 0);
    const baseRequests = base.reduce((s, r) => s + r.requests, 0);
    const baseBlocks = base.reduce((s, r) => s + r.blocks, 0);
    if (recent.requests < rules.min_requests || baseRequests < rules.min_requests) {
      if (!dimension) skipped.push(skip(slice, `${recent.requests} recent and ${baseRequests} baseline requests, under min_requests ${rules.min_requests}`));
      continue;
    }
    judged++;
    const rate = recent.blocks / recent.requests;
    // A rail that never blocked in the baseline still has a floor: twice zero would fire on one block.
    const baseRate = Math.max(baseBlocks / baseRequests, rules.baseline_rate_floor);
    if (rate < rules.ratio * baseRate || recent.blocks < rules.min_blocks) continue;
    const security = dimension !== '' && isSecurityDimension(dimension);
    alerts.push({
      check: 'refusal_spike',
      kind: security ? 'refusal_spike_security' : 'refusal_spike',
      severity: 'ticket',
      slice,
      window: windows.recent,
      baseline_window: windows.baseline,
      value: round(rate),
      baseline: round(baseBlocks / baseRequests),
      threshold: round(rules.ratio * baseRate),
      message: `Guardrail blocks on ${sliceLabel(slice)} rose to ${pct(rate, 2)} of ${recent.requests} requests in the last ${rules.window_hours} h, ${(rate / baseRate).toFixed(1)}x the baseline ${pct(baseBlocks / baseRequests, 2)}${security ? ` (${dimension}: route to security)` : ''}.`,
      security,
      impact: recent.blocks - recent.requests * (baseBlocks / baseRequests),
      series: boundSeries(group.map((r) => ({ t: new Date(Date.parse(windows.recent.from) - r.bucket * DAY_MS).toISOString(), value: r.requests > 0 ? round(r.blocks / r.requests) : null }))),
    });
  }
  return outcome(alerts, judged, skipped, 'slices');
}
