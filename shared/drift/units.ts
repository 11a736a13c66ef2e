import { formatUsd } from '../text/money';
import type { CheckId, DriftAlert } from './types';

/** What an alert's numbers measure. */
export type Unit = 'usd' | 'rate' | 'burn' | 'similarity' | 'score' | 'count';

interface CheckUnits {
  readonly value: Unit;
  readonly baseline: Unit;
  readonly threshold: Unit;
}

const same = (unit: Unit): CheckUnits => ({ value: unit, baseline: unit, threshold: unit });

/** Each check's units for its alerts' value, baseline and threshold (a new check must say what it measures). */
export const CHECK_UNITS: Readonly<Record<CheckId, CheckUnits>> = {
  cost_anomaly: same('usd'),
  model_swap: same('rate'),
  faithfulness_drop: same('score'),
  refusal_spike: same('rate'),
  error_rate_spike: same('rate'),
  ttft_slo_burn: same('burn'),
  nondeterminism: same('rate'),
  // Logged spend against the spend the price table gives; the threshold is the allowed mismatch.
  cost_mismatch: { value: 'usd', baseline: 'usd', threshold: 'rate' },
  answer_drift: same('similarity'),
  tool_loop: same('count'),
};

const threeDigits = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 });
const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** A number in its unit: "$0.178", "12.5%", "14.4x", "0.871", "12". */
export function formatInUnit(value: number | null, unit: Unit, missing = '—'): string {
  if (value === null || !Number.isFinite(value)) return missing;
  switch (unit) {
    case 'usd':
      return formatUsd(value);
    case 'rate':
      return `${threeDigits.format(value * 100)}%`;
    case 'burn':
      return `${threeDigits.format(value)}x`;
    case 'count':
      return integer.format(value);
    case 'similarity':
    case 'score':
      return threeDigits.format(value);
  }
}

/** An alert's value, baseline and threshold, each in its check's unit (`missing` for a check without a baseline). */
export function alertNumbers(alert: Pick<DriftAlert, 'check' | 'value' | 'baseline' | 'threshold'>, missing = '—'): { value: string; baseline: string; threshold: string } {
  const units = CHECK_UNITS[alert.check];
  const text = (value: number | null, unit: Unit) => formatInUnit(value, unit, missing);
  return { value: text(alert.value, units.value), baseline: text(alert.baseline, units.baseline), threshold: text(alert.threshold, units.threshold) };
}
