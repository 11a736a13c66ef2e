import type { AlertDraft, CheckOutcome, SkippedSlice } from '../types';
import type { RulesOf } from '../rules';
import { boundSeries, outcome, pct, skip, sliceLabel } from '../outcome';
import { round } from '../stats';
import { DAY_MS, windowBefore } from '../windows';

/** Two calls with the same messages_hash at temperature 0 and different answers. */
export interface DivergentPair {
  readonly messages_hash: string;
  readonly a: string;
  readonly b: string;
}

/** Prompts sent more than once at temperature 0, per feature and prompt_version, and those that got more than one answer. */
export interface RepeatRow {
  readonly feature: string;
  readonly prompt_version: string;
  readonly repeated_prompts: number;
  readonly divergent_prompts: number;
  readonly divergent_calls: number;
  readonly examples: readonly DivergentPair[];
}

export interface RepeatDayRow {
  readonly feature: string;
  readonly prompt_version: string;
  readonly day: string;
  readonly repeated_prompts: number;
  readonly divergent_prompts: number;
}

export function nondeterminismWindow(asOf: Date, rules: RulesOf<'nondeterminism'>) {
  return windowBefore(asOf, rules.window_days * DAY_MS);
}

/** nondeterminism: the same messages at temperature 0 answered differently, per feature and prompt_version. */
export function nondeterminism(asOf: Date, rows: readonly RepeatRow[], days: readonly RepeatDayRow[], rules: RulesOf<'nondeterminism'>): CheckOutcome {
  const alerts: AlertDraft[] = [];
  const skipped: SkippedSlice[] = [];
  let judged = 0;
  for (const row of rows) {
    const slice = { feature: row.feature, prompt_version: row.prompt_version };
    if (row.repeated_prompts < rules.min_repeated_prompts) {
      skipped.push(skip(slice, `${row.repeated_prompts} repeated temperature-${rules.max_temperature} prompts, under min_repeated_prompts ${rules.min_repeated_prompts}`));
      continue;
    }
    judged++;
    const share = row.divergent_prompts / row.repeated_prompts;
    if (share <= rules.max_divergent_share || row.divergent_prompts < rules.min_divergent_prompts) continue;
    const example = row.examples[0];
    alerts.push({
      check: 'nondeterminism',
      kind: 'nondeterminism',
      severity: 'warn',
      slice,
      window: nondeterminismWindow(asOf, rules),
      baseline_window: null,
      value: round(share),
      baseline: null,
      threshold: rules.max_divergent_share,
      message: `${sliceLabel(slice)}: ${row.divergent_prompts} of ${row.repeated_prompts} prompts repeated at temperature ${rules.max_temperature} got different answers (${pct(share)}, ${row.divergent_calls} calls)${example ? `, e.g. ${example.a} vs ${example.b}` : ''}.`,
      security: false,
      impact: row.divergent_calls,
      series: boundSeries(
        days.filter((d) => d.feature === row.feature && d.prompt_version === row.prompt_version).map((d) => ({ t: d.day, value: d.repeated_prompts > 0 ? round(d.divergent_prompts / d.repeated_prompts) : null })),
      ),
      exemplars: row.examples.flatMap((e) => [e.a, e.b]).slice(0, 20),
    });
  }
  return outcome(alerts, judged, skipped, 'slices');
}
