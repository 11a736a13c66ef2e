import type { AlertDraft, CheckOutcome, SkippedSlice } from '../types';
import type { RulesOf } from '../rules';
import { boundSeries, outcome, pct, skip, sliceLabel } from '../outcome';
import { formatUsd as usd } from '../../text/money';
import { round } from '../stats';
import { DAY_MS, windowBefore } from '../windows';

/** Logged and recomputed spend of one model and prompt_version; `computed` is null when the model has no price. */
export interface SpendRow {
  readonly model: string;
  readonly prompt_version: string;
  readonly calls: number;
  readonly logged: number;
  readonly computed: number | null;
}

export interface SpendDayRow {
  readonly model: string;
  readonly prompt_version: string;
  readonly day: string;
  readonly logged: number;
  readonly computed: number;
}

/** Relative gap between logged and recomputed spend. */
export function mismatchRatio(logged: number, computed: number): number {
  if (computed === 0) return logged === 0 ? 0 : Infinity;
  return (logged - computed) / computed;
}

/** cost_mismatch: logged cost_usd against the cost recomputed from the price table, per model and prompt_version. */
export function costMismatch(asOf: Date, rows: readonly SpendRow[], days: readonly SpendDayRow[], rules: RulesOf<'cost_mismatch'>, priceVersion: string): CheckOutcome {
  const window = windowBefore(asOf, rules.window_days * DAY_MS);
  const alerts: AlertDraft[] = [];
  const skipped: SkippedSlice[] = [];
  let judged = 0;
  const unknown = new Map<string, { calls: number; logged: number }>();
  for (const row of rows) {
    if (row.computed === null) {
      const u = unknown.get(row.model) ?? { calls: 0, logged: 0 };
      unknown.set(row.model, { calls: u.calls + row.calls, logged: u.logged + row.logged });
      continue;
    }
    const slice = { model_resolved: row.model, prompt_version: row.prompt_version };
    if (row.calls < rules.min_calls) {
      skipped.push(skip(slice, `${row.calls} calls, under min_calls ${rules.min_calls}`));
      continue;
    }
    judged++;
    const ratio = mismatchRatio(row.logged, row.computed);
    if (Math.abs(ratio) <= rules.max_mismatch) continue;
    alerts.push({
      check: 'cost_mismatch',
      kind: 'cost_mismatch',
      severity: 'ticket',
      slice,
      window,
      baseline_window: null,
      value: round(row.logged, 6),
      baseline: round(row.computed, 6),
      threshold: rules.max_mismatch,
      message: `${sliceLabel(slice)}: logged cost ${usd(row.logged)} differs from ${usd(row.computed)} recomputed with price table ${priceVersion} by ${Number.isFinite(ratio) ? pct(ratio) : 'all of it'} over ${row.calls} calls (allowed ${pct(rules.max_mismatch)}).`,
      security: false,
      impact: Math.abs(row.logged - row.computed),
      series: boundSeries(
        days.filter((d) => d.model === row.model && d.prompt_version === row.prompt_version).map((d) => ({ t: d.day, value: d.computed > 0 ? round(mismatchRatio(d.logged, d.computed)) : null })),
      ),
    });
  }
  for (const [model, u] of unknown) {
    alerts.push({
      check: 'cost_mismatch',
      kind: 'cost_unknown_model',
      severity: 'warn',
      slice: { model_resolved: model },
      window,
      baseline_window: null,
      value: round(u.logged, 6),
      baseline: null,
      threshold: rules.max_mismatch,
      message: `${model} is not in price table ${priceVersion}: the ${usd(u.logged)} logged over ${u.calls} calls cannot be checked (it is not priced as zero).`,
      security: false,
      impact: u.logged,
      series: [],
    });
  }
  return outcome(alerts, judged + unknown.size, skipped, 'model and prompt_version pairs');
}
