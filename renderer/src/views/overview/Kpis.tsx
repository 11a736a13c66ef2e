import type { SliceGroup } from '../../../../shared/query/slice';
import { formatCount, formatMs, formatPercent, formatUsd } from '../../charts/format';

interface Kpi {
  readonly id: string;
  readonly label: string;
  readonly value: number | null;
  readonly text: string;
  readonly bad?: boolean;
}

export function kpiList(g: SliceGroup | undefined): Kpi[] {
  const n = (v: number | null | undefined) => (v === undefined ? null : v);
  return [
    { id: 'requests', label: 'Requests', value: g?.requests ?? 0, text: formatCount(g?.requests ?? 0) },
    { id: 'error-rate', label: 'Error rate', value: n(g?.error_rate), text: formatPercent(g?.error_rate, 2), bad: (g?.error_rate ?? 0) > 0.02 },
    { id: 'block-rate', label: 'Block rate', value: n(g?.block_rate), text: formatPercent(g?.block_rate, 2) },
    { id: 'ttft-p50', label: 'TTFT p50', value: n(g?.ttft_p50_ms), text: formatMs(g?.ttft_p50_ms) },
    { id: 'ttft-p95', label: 'TTFT p95', value: n(g?.ttft_p95_ms), text: formatMs(g?.ttft_p95_ms), bad: (g?.ttft_p95_ms ?? 0) > 800 },
    { id: 'total-p95', label: 'Total p95', value: n(g?.total_p95_ms), text: formatMs(g?.total_p95_ms), bad: (g?.total_p95_ms ?? 0) > 4000 },
    { id: 'cost', label: 'Cost', value: n(g?.cost_usd), text: formatUsd(g?.cost_usd) },
    { id: 'cost-p99', label: 'Cost / request p99', value: n(g?.cost_per_request_p99), text: formatUsd(g?.cost_per_request_p99) },
  ];
}

/** The slice's KPI cards; `kpi-requests` carries the request count as a number (data-value). `busy`: newer figures are on their way. */
export function Kpis({ group, testPrefix = 'kpi', busy = false }: { group: SliceGroup | undefined; testPrefix?: string; busy?: boolean }) {
  return (
    <dl className="kpis" aria-busy={busy}>
      {kpiList(group).map((k) => (
        <div key={k.id} className={k.bad ? 'kpi kpi-bad' : 'kpi'}>
          <dt>{k.label}</dt>
          <dd data-testid={`${testPrefix}-${k.id}`} data-value={k.value ?? ''}>
            {k.text}
          </dd>
        </div>
      ))}
    </dl>
  );
}
