import type { SliceGroup } from '../../../../shared/query/slice';
import { formatCount, formatMs, formatPercent, formatUsd } from '../../charts/format';

export interface DeltaRow {
  readonly id: string;
  readonly label: string;
  readonly baseline: string;
  readonly incident: string;
  readonly delta: string;
  /** Worse in the incident window (higher latency, errors, blocks or cost). */
  readonly worse: boolean;
}

const METRICS: readonly { id: string; label: string; format: (v: number | null) => string; rate?: boolean; higherIsWorse: boolean }[] = [
  { id: 'requests', label: 'Requests', format: formatCount, higherIsWorse: false },
  { id: 'error_rate', label: 'Error rate', format: (v) => formatPercent(v, 2), rate: true, higherIsWorse: true },
  { id: 'block_rate', label: 'Block rate', format: (v) => formatPercent(v, 2), rate: true, higherIsWorse: true },
  { id: 'ttft_p50_ms', label: 'TTFT p50', format: formatMs, higherIsWorse: true },
  { id: 'ttft_p95_ms', label: 'TTFT p95', format: formatMs, higherIsWorse: true },
  { id: 'total_p95_ms', label: 'Total p95', format: formatMs, higherIsWorse: true },
  { id: 'decode_p95_ms', label: 'Decode p95', format: formatMs, higherIsWorse: true },
  { id: 'cost_usd', label: 'Cost', format: formatUsd, higherIsWorse: true },
  { id: 'cost_per_request_p50', label: 'Cost / request p50', format: formatUsd, higherIsWorse: true },
  { id: 'cost_per_request_p99', label: 'Cost / request p99', format: formatUsd, higherIsWorse: true },
];

/** Each KPI in both windows with the change: points for rates, percent for the rest. */
export function deltaRows(baseline: SliceGroup | undefined, incident: SliceGroup | undefined): DeltaRow[] {
  return METRICS.map((m) => {
    const b = baseline?.[m.id] ?? null;
    const i = incident?.[m.id] ?? null;
    let delta = '—';
    let worse = false;
    if (typeof b === 'number' && typeof i === 'number') {
      const diff = i - b;
      worse = m.higherIsWorse && diff > 0;
      if (m.rate) delta = `${diff >= 0 ? '+' : ''}${(diff * 100).toFixed(2)} pts`;
      else if (b !== 0) delta = `${diff >= 0 ? '+' : ''}${((diff / b) * 100).toFixed(1)}%`;
      else delta = diff === 0 ? '0' : 'new';
    }
    return { id: m.id, label: m.label, baseline: m.format(typeof b === 'number' ? b : null), incident: m.format(typeof i === 'number' ? i : null), delta, worse };
  });
}
