import type { AlertDraft, CheckOutcome, SkippedSlice } from '../types';
import type { RulesOf } from '../rules';
import { boundSeries, outcome, skip, sliceLabel } from '../outcome';
import { pooledMean, round } from '../stats';
import { DAY_MS, windowBefore } from '../windows';

/** Sum and count of scores of one slice on one day of the recent or baseline window. */
export interface ScoreDayRow {
  readonly dimension: string;
  readonly value: string;
  readonly period: 'recent' | 'baseline';
  readonly day: string;
  readonly sum: number;
  readonly count: number;
}

export function faithfulnessWindows(asOf: Date, rules: RulesOf<'faithfulness_drop'>) {
  return { recent: windowBefore(asOf, rules.window_days * DAY_MS), baseline: windowBefore(asOf, rules.window_days * DAY_MS, rules.window_days * DAY_MS) };
}

/**
 * faithfulness_drop: the volume-weighted mean score per slice, recent window against the one
 * before. Days are pooled by their sums and counts, never by averaging daily means.
 */
export function faithfulnessDrop(asOf: Date, rows: readonly ScoreDayRow[], rules: RulesOf<'faithfulness_drop'>): CheckOutcome {
  const windows = faithfulnessWindows(asOf, rules);
  const slices = new Map<string, ScoreDayRow[]>();
  for (const r of rows) {
    const k = `${r.dimension}\u0000${r.value}`;
    slices.set(k, [...(slices.get(k) ?? []), r]);
  }
  const alerts: AlertDraft[] = [];
  const skipped: SkippedSlice[] = [];
  let judged = 0;
  for (const group of slices.values()) {
    const slice = { [group[0]!.dimension]: group[0]!.value };
    const recent = group.filter((r) => r.period === 'recent');
    const baseline = group.filter((r) => r.period === 'baseline');
    const n = recent.reduce((s, r) => s + r.count, 0);
    const nBase = baseline.reduce((s, r) => s + r.count, 0);
    if (n < rules.min_samples || nBase < rules.min_samples) {
      skipped.push(skip(slice, `${n} recent and ${nBase} baseline ${rules.score_name} scores, under min_samples ${rules.min_samples}`));
      continue;
    }
    judged++;
    const now = pooledMean(recent)!;
    const before = pooledMean(baseline)!;
    if (before - now <= rules.max_drop) continue;
    alerts.push({
      check: 'faithfulness_drop',
      kind: 'faithfulness_drop',
      severity: 'ticket',
      slice,
      window: windows.recent,
      baseline_window: windows.baseline,
      value: round(now),
      baseline: round(before),
      threshold: round(before - rules.max_drop),
      message: `${rules.score_name} on ${sliceLabel(slice)} fell from ${before.toFixed(3)} (${nBase} scores) to ${now.toFixed(3)} (${n} scores) week over week, a drop of ${(before - now).toFixed(3)} > ${rules.max_drop}.`,
      security: false,
      impact: (before - now) * n,
      series: boundSeries(group.map((r) => ({ t: r.day, value: r.count > 0 ? round(r.sum / r.count) : null }))),
    });
  }
  return outcome(alerts, judged, skipped, 'slices');
}
