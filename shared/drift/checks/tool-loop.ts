import type { AlertDraft, CheckOutcome, SeriesPoint } from '../types';
import type { RulesOf } from '../rules';
import { boundSeries, outcome, sliceLabel } from '../outcome';
import { formatUsd as usd } from '../../text/money';
import { round } from '../stats';
import { HOUR_MS, windowBefore } from '../windows';

/** Runaway calls (too many tool calls, or one (tool, args) repeated) of a feature and tenant in the window. */
export interface LoopRow {
  readonly feature: string;
  readonly tenant_id: string;
  readonly calls: number;
  readonly runaway_calls: number;
  readonly runaway_cost: number;
  readonly max_tool_calls: number;
  readonly max_repeats: number;
  readonly top_tool: string | null;
}

export interface LoopHourRow {
  readonly feature: string;
  readonly tenant_id: string;
  readonly hour: string;
  readonly runaway_cost: number;
}

/** Money burned by runaway calls per hour of the window, 0 for the hours without any. */
function hourlyBurn(asOf: Date, windowHours: number, hours: readonly LoopHourRow[]): SeriesPoint[] {
  const cost = new Map(hours.map((h) => [Date.parse(h.hour), h.runaway_cost]));
  return boundSeries(
    Array.from({ length: windowHours }, (_, i) => {
      const start = asOf.getTime() - (i + 1) * HOUR_MS;
      return { t: new Date(start).toISOString(), value: round(cost.get(start) ?? 0, 6) };
    }),
  );
}

/** tool_loop: runaway agent loops per feature and tenant, with the money they burned. */
export function toolLoop(asOf: Date, rows: readonly LoopRow[], hours: readonly LoopHourRow[], rules: RulesOf<'tool_loop'>): CheckOutcome {
  const window = windowBefore(asOf, rules.window_hours * HOUR_MS);
  const alerts: AlertDraft[] = [];
  for (const row of rows) {
    if (row.runaway_calls < rules.min_calls) continue;
    const slice = { feature: row.feature, tenant_id: row.tenant_id };
    alerts.push({
      check: 'tool_loop',
      kind: 'tool_loop',
      severity: 'ticket',
      slice,
      window,
      baseline_window: null,
      value: row.runaway_calls,
      baseline: null,
      threshold: rules.min_calls,
      message: `${sliceLabel(slice)}: ${row.runaway_calls} of ${row.calls} calls in the last ${rules.window_hours} h ran away (up to ${row.max_tool_calls} tool calls, the same ${row.top_tool ?? 'tool'} call repeated up to ${row.max_repeats} times; limits ${rules.max_tool_calls} and ${rules.max_repeats}) and burned ${usd(row.runaway_cost)}.`,
      security: false,
      impact: row.runaway_cost,
      series: hourlyBurn(asOf, rules.window_hours, hours.filter((h) => h.feature === row.feature && h.tenant_id === row.tenant_id)),
    });
  }
  return outcome(alerts, rows.length, [], 'feature and tenant pairs with tool calls');
}
