import { useMemo } from 'react';
import type { TimeSeries } from '../../../../shared/api/methods/explore';
import { baseOption, TIME_BRUSH } from '../../charts/axes';
import { ChartPanel } from '../../charts/ChartPanel';
import { type ChartOption, EChart } from '../../charts/EChart';
import { formatMs } from '../../charts/format';
import { points, seriesRows, sum } from '../../charts/series';
import { PLAIN_TOOLTIP } from '../../charts/tooltip';
import { useThemeColors } from '../../charts/use-theme-colors';
import type { Kept } from '../facets/use-kept-result';
import type { SliceControls } from '../facets/use-slice';
import { brushRange } from './time-range';

/** Total and decode latency p95 over time: when total moves and TTFT does not, answers got longer. */
export function LatencyChart({ slice, series }: { slice: SliceControls; series: Kept<TimeSeries> }) {
  const colors = useThemeColors();
  const data = useMemo(() => (series.value ? seriesRows(series.value) : undefined), [series.value]);
  const option = useMemo((): ChartOption => {
    const rows = data?.rows ?? [];
    return {
      ...baseOption(colors, { legend: true, yName: 'ms' }),
      ...TIME_BRUSH,
      tooltip: { ...PLAIN_TOOLTIP, trigger: 'axis', valueFormatter: (v) => formatMs(Number(v)) },
      series: [
        { type: 'line', name: 'total p95', data: points(rows, 'total_p95_ms'), showSymbol: false },
        { type: 'line', name: 'decode p95', data: points(rows, 'decode_p95_ms'), showSymbol: false },
      ],
    };
  }, [data, colors]);
  const requests = data ? sum(data.rows, 'requests') : 0;
  return (
    <ChartPanel title="Total and decode latency p95" loading={series.loading} error={series.error} empty={requests === 0}>
      <EChart testId="chart-latency" label="Total and decode latency p95 over time" summary={`${requests} calls`} option={option} events={{ brush: (from, to) => slice.setRange(...brushRange(from, to)) }} />
    </ChartPanel>
  );
}
