import { useMemo } from 'react';
import type { SliceFilter } from '../../../../shared/query/filter';
import { useApi } from '../../app/workspace';
import { baseOption } from '../../charts/axes';
import { ChartPanel } from '../../charts/ChartPanel';
import { type ChartOption, EChart } from '../../charts/EChart';
import { formatMs, formatUsd } from '../../charts/format';
import { points, seriesRows, sum } from '../../charts/series';
import { PLAIN_TOOLTIP } from '../../charts/tooltip';
import { useThemeColors } from '../../charts/use-theme-colors';
import { useKeptResult } from '../facets/use-kept-result';

/** What the chart draws: the series computes only these (and the request count). */
const MEASURES = ['cost_usd', 'ttft_p95_ms', 'total_p95_ms'] as const;

/** Latency p95 lines and cost bars of one window. */
export function WindowChart({ title, filter, testId }: { title: string; filter: SliceFilter; testId: string }) {
  const api = useApi();
  const colors = useThemeColors();
  const result = useKeptResult(() => api.timeSeries({ filter, buckets: 48, measures: [...MEASURES] }), [api, JSON.stringify(filter)]);
  const data = useMemo(() => (result.value ? seriesRows(result.value) : undefined), [result.value]);
  const option = useMemo((): ChartOption => {
    const rows = data?.rows ?? [];
    return {
      ...baseOption(colors, { legend: true, yName: 'ms', y2Name: 'USD' }),
      tooltip: { ...PLAIN_TOOLTIP, trigger: 'axis' },
      series: [
        { type: 'bar', name: 'cost', yAxisIndex: 1, data: points(rows, 'cost_usd'), itemStyle: { opacity: 0.35 }, tooltip: { valueFormatter: (v) => formatUsd(Number(v)) } },
        { type: 'line', name: 'TTFT p95', data: points(rows, 'ttft_p95_ms'), showSymbol: false, tooltip: { valueFormatter: (v) => formatMs(Number(v)) } },
        { type: 'line', name: 'total p95', data: points(rows, 'total_p95_ms'), showSymbol: false, tooltip: { valueFormatter: (v) => formatMs(Number(v)) } },
      ],
    };
  }, [data, colors]);
  const requests = data ? sum(data.rows, 'requests') : 0;
  return (
    <ChartPanel title={title} loading={result.loading} error={result.error} empty={requests === 0}>
      <EChart testId={testId} label={title} summary={`${requests} calls`} option={option} height={220} />
    </ChartPanel>
  );
}
