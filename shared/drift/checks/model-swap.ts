import type { AlertDraft, CheckOutcome, SkippedSlice } from '../types';
import type { RulesOf } from '../rules';
import { boundSeries, outcome, pct, skip } from '../outcome';
import { round } from '../stats';
import { DAY_MS, windowBefore } from '../windows';

/** One (model_requested, model_resolved) pair: calls in the recent and baseline windows. */
export interface ResolutionRow {
  readonly model_requested: string;
  readonly model_resolved: string;
  readonly recent_calls: number;
  readonly baseline_calls: number;
  /** First call of the pair in the recent window. */
  readonly first_seen: string | null;
  /** Calls of model_requested since first_seen (any resolution). */
  readonly requested_since_first_seen: number;
  /** Calls of model_requested in the baseline window. */
  readonly requested_baseline_calls: number;
}

/** Share of model_requested's calls resolving to model_resolved, per day. */
export interface ResolutionSharePoint {
  readonly model_requested: string;
  readonly model_resolved: string;
  readonly day: string;
  readonly share: number;
}

export function modelSwapWindows(asOf: Date, rules: RulesOf<'model_swap'>) {
  return { recent: windowBefore(asOf, rules.recent_days * DAY_MS), baseline: windowBefore(asOf, rules.baseline_days * DAY_MS, rules.recent_days * DAY_MS) };
}

/** model_swap: a model_requested that starts resolving to a model_resolved never seen for it in the baseline. */
export function modelSwap(asOf: Date, rows: readonly ResolutionRow[], series: readonly ResolutionSharePoint[], rules: RulesOf<'model_swap'>): CheckOutcome {
  const windows = modelSwapWindows(asOf, rules);
  const alerts: AlertDraft[] = [];
  const skipped: SkippedSlice[] = [];
  const judgedModels = new Set<string>();
  for (const row of rows) {
    if (row.recent_calls === 0) continue;
    const slice = { model_requested: row.model_requested, model_resolved: row.model_resolved };
    if (row.requested_baseline_calls < rules.min_baseline_calls) {
      skipped.push(skip({ model_requested: row.model_requested }, `${row.requested_baseline_calls} baseline calls, under min_baseline_calls ${rules.min_baseline_calls}`));
      continue;
    }
    judgedModels.add(row.model_requested);
    if (row.baseline_calls > 0 || row.first_seen === null) continue;
    const share = row.requested_since_first_seen > 0 ? row.recent_calls / row.requested_since_first_seen : 0;
    if (row.recent_calls < rules.min_calls || share < rules.min_share) continue;
    alerts.push({
      check: 'model_swap',
      kind: 'model_swap',
      severity: 'ticket',
      slice,
      window: { from: row.first_seen, to: windows.recent.to },
      baseline_window: windows.baseline,
      value: round(share),
      baseline: 0,
      threshold: rules.min_share,
      message: `${row.model_requested} now resolves to ${row.model_resolved}, never seen for it in the baseline: first at ${row.first_seen}, ${pct(share)} of its traffic since (${row.recent_calls} calls).`,
      security: false,
      impact: row.recent_calls,
      series: boundSeries(series.filter((p) => p.model_requested === row.model_requested && p.model_resolved === row.model_resolved).map((p) => ({ t: p.day, value: round(p.share) }))),
    });
  }
  const uniqueSkipped = [...new Map(skipped.map((s) => [s.slice['model_requested'], s])).values()];
  return outcome(alerts, judgedModels.size, uniqueSkipped, 'requested models');
}
