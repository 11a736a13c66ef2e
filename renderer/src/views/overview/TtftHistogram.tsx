import { useMemo } from 'react';
import { decodeArrow, tableRows } from '../../api/arrow';
import { useApi } from '../../app/workspace';
import { baseOption } from '../../charts/axes';
import { ChartPanel } from '../../charts/ChartPanel';
import { type ChartOption, EChart } from '../../charts/EChart';
import { formatCount, formatMs } from '../../charts/format';
import { PLAIN_TOOLTIP } from '../../charts/tooltip';
import { useThemeColors } from '../../charts/use-theme-colors';
import { useKeptResult } from '../facets/use-kept-result';
import type { SliceControls } from '../facets/use-slice';

/** TTFT distribution in doubling buckets from 50 ms: a second mode far right is queueing. */
export function TtftHistogram({ slice }: { slice: SliceControls }) {
  const api = useApi();
  const colors = useThemeColors();
  const result = useKeptResult(() => api.latencyHistogram({ filter: slice.filter, column: 'ttft_ms', start: 50 }), [api, slice.key]);
  const arrow = result.value?.arrow;
  const buckets = useMemo(() => (arrow ? tableRows(decodeArrow(arrow)).map((r) => ({ lo: Number(r['lo']), hi: Number(r['hi']), count: Number(r['count']) })) : []), [arrow]);
  const option = useMemo((): ChartOption => {
    const base = baseOption(colors, { yName: 'calls' });
    return {
      ...base,
      xAxis: { type: 'category', data: buckets.map((b) => (b.lo === 0 ? `<${formatMs(b.hi)}` : formatMs(b.lo))), axisLabel: { color: colors.muted, hideOverlap: true }, axisLine: { lineStyle: { color: colors.border } } },
      tooltip: { ...PLAIN_TOOLTIP, trigger: 'axis', valueFormatter: (v) => `${formatCount(Number(v))} calls` },
      series: [{ type: 'bar', name: 'calls', data: buckets.map((b) => b.count), barCategoryGap: '8%' }],
    };
  }, [buckets, colors]);
  const total = buckets.reduce((n, b) => n + b.count, 0);
  return (
    <ChartPanel title="TTFT histogram (log buckets from 50 ms)" loading={result.loading} error={result.error} empty={total === 0}>
      <EChart testId="chart-ttft-histogram" label="TTFT histogram" summary={`${total} calls in ${buckets.length} buckets`} option={option} />
    </ChartPanel>
  );
}
