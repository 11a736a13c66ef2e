import { useMemo } from 'react';
import { decodeArrow, tableRows } from '../../api/arrow';
import { useApi } from '../../app/workspace';
import { baseOption } from '../../charts/axes';
import { ChartPanel } from '../../charts/ChartPanel';
import { type ChartOption, EChart } from '../../charts/EChart';
import { formatCount } from '../../charts/format';
import { chartLabel, PLAIN_TOOLTIP } from '../../charts/tooltip';
import { useThemeColors } from '../../charts/use-theme-colors';
import { useKeptResult } from '../facets/use-kept-result';
import type { SliceControls } from '../facets/use-slice';

/** Each score's 7-day rolling mean (volume-weighted) with the daily sample counts as bars: a mean of 3 scores is not a trend. */
export function ScoreChart({ slice }: { slice: SliceControls }) {
  const api = useApi();
  const colors = useThemeColors();
  const result = useKeptResult(() => api.scoreTrend({ filter: slice.filter }), [api, slice.key]);
  const arrow = result.value?.arrow;
  const points = useMemo(() => (arrow ? tableRows(decodeArrow(arrow)).map((r) => ({ name: String(r['name']), day: String(r['day']), count: Number(r['count']), mean: Number(r['mean']) })) : []), [arrow]);
  const names = useMemo(() => [...new Set(points.map((p) => p.name))], [points]);
  const option = useMemo((): ChartOption => {
    const day = (d: string) => Date.parse(`${d}T00:00:00Z`);
    return {
      ...baseOption(colors, { legend: true, yName: 'mean', y2Name: 'scores / day' }),
      tooltip: { ...PLAIN_TOOLTIP, trigger: 'axis' },
      series: names.flatMap((name, i) => {
        const mine = points.filter((p) => p.name === name);
        const color = colors.series[i % colors.series.length];
        return [
          { type: 'line' as const, name: `${chartLabel(name)} 7-day mean`, data: mine.map((p) => [day(p.day), Number(p.mean.toFixed(3))]), itemStyle: { color }, tooltip: { valueFormatter: (v: unknown) => String(v) } },
          { type: 'bar' as const, name: `${chartLabel(name)} samples`, yAxisIndex: 1, data: mine.map((p) => [day(p.day), p.count]), itemStyle: { color, opacity: 0.3 }, barMaxWidth: 14, tooltip: { valueFormatter: (v: unknown) => `${formatCount(Number(v))} scores` } },
        ];
      }),
    };
  }, [points, colors]);
  const samples = points.reduce((n, p) => n + p.count, 0);
  return (
    <ChartPanel title="Scores: 7-day rolling mean (volume-weighted) and samples" loading={result.loading} error={result.error} empty={points.length === 0} wide>
      <EChart testId="chart-scores" label="Score rolling means" summary={`${samples} scores, ${names.length} names`} option={option} />
    </ChartPanel>
  );
}
