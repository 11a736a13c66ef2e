import { useMemo } from 'react';
import { useApi } from '../../app/workspace';
import { baseOption, TIME_BRUSH } from '../../charts/axes';
import { ChartPanel } from '../../charts/ChartPanel';
import { type ChartOption, EChart } from '../../charts/EChart';
import { formatCount, formatMs } from '../../charts/format';
import { points, seriesRows, sum } from '../../charts/series';
import { chartLabel, groupFilterValue, PLAIN_TOOLTIP } from '../../charts/tooltip';
import { useThemeColors } from '../../charts/use-theme-colors';
import { useKeptResult } from '../facets/use-kept-result';
import type { SliceControls } from '../facets/use-slice';
import { brushRange } from './time-range';

/** The guide's TTFT SLO: p95 under 800 ms. */
export const TTFT_SLO_MS = 800;
export const TTFT_SPLITS = [
  { id: 'model_resolved', label: 'Model' },
  { id: 'feature', label: 'Feature' },
] as const;

/** TTFT p95 (solid) and p50 (dashed) per model or feature, with the SLO line; brush to set the range, click to filter. */
export function TtftChart({ slice, by, setBy }: { slice: SliceControls; by: string; setBy: (by: string) => void }) {
  const api = useApi();
  const colors = useThemeColors();
  const result = useKeptResult(() => api.timeSeries({ filter: slice.filter, by: by as never, top: 6, measures: ['ttft_p50_ms', 'ttft_p95_ms'] }), [api, slice.key, by]);
  const data = useMemo(() => (result.value ? seriesRows(result.value) : undefined), [result.value]);
  const option = useMemo((): ChartOption => {
    const base = baseOption(colors, { legend: true, yName: 'ms' });
    const series = (data?.groups ?? []).flatMap((g, i) => {
      const color = colors.series[i % colors.series.length];
      const name = chartLabel(g);
      return [
        { type: 'line' as const, name, data: points(data!.rows, 'ttft_p95_ms', g), showSymbol: false, lineStyle: { width: 2, color }, itemStyle: { color }, connectNulls: false },
        { type: 'line' as const, name, data: points(data!.rows, 'ttft_p50_ms', g), showSymbol: false, lineStyle: { width: 1, type: 'dashed' as const, color }, itemStyle: { color } },
      ];
    });
    const slo = {
      type: 'line' as const,
      name: 'SLO',
      data: [],
      markLine: { silent: true, symbol: 'none', lineStyle: { color: colors.bad, type: 'dotted' as const }, label: { formatter: `SLO p95 ${TTFT_SLO_MS} ms`, color: colors.bad, position: 'insideEndTop' as const }, data: [{ yAxis: TTFT_SLO_MS }] },
    };
    return {
      ...base,
      ...TIME_BRUSH,
      legend: { ...(base.legend as object), data: (data?.groups ?? []).map(chartLabel) },
      tooltip: { ...PLAIN_TOOLTIP, trigger: 'axis', valueFormatter: (v) => formatMs(Number(v)) },
      series: [...series, slo],
    };
  }, [data, colors]);
  const requests = data ? sum(data.rows, 'requests') : 0;
  const summary = `${formatCount(requests)} calls, ${data?.rows.length ?? 0} points, buckets of ${data?.interval ?? '—'}`;
  const toggleGroup = (name: string) => {
    const g = data?.groups.find((x) => chartLabel(x) === name);
    if (g !== undefined) slice.toggle(by, groupFilterValue(g));
  };
  const actions = (
    <div className="segmented" role="group" aria-label="Split TTFT by">
      {TTFT_SPLITS.map((s) => (
        <button key={s.id} type="button" aria-pressed={by === s.id} onClick={() => setBy(s.id)}>
          {s.label}
        </button>
      ))}
    </div>
  );
  return (
    <ChartPanel title="TTFT p50 / p95 (ms)" loading={result.loading} error={result.error} empty={requests === 0} actions={actions} wide>
      <EChart
        testId="chart-ttft"
        label="Time to first token over time"
        summary={summary}
        option={option}
        events={{
          brush: (from, to) => slice.setRange(...brushRange(from, to)),
          click: (p) => p.seriesName && toggleGroup(p.seriesName),
          legend: toggleGroup,
        }}
      />
      <p className="chart-hint">Drag across the chart to set the time range; click a line or legend entry to filter. Buckets of {data?.interval ?? '…'}.</p>
    </ChartPanel>
  );
}
