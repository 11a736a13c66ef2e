import { useMemo } from 'react';
import type { TimeSeries } from '../../../../shared/api/methods/explore';
import { useApi } from '../../app/workspace';
import { baseOption, TIME_BRUSH } from '../../charts/axes';
import { ChartPanel } from '../../charts/ChartPanel';
import { type ChartOption, EChart } from '../../charts/EChart';
import { formatPercent } from '../../charts/format';
import { seriesRows } from '../../charts/series';
import { chartLabel, PLAIN_TOOLTIP } from '../../charts/tooltip';
import { useSettled } from '../../charts/use-settled';
import { useThemeColors } from '../../charts/use-theme-colors';
import { type Kept, useKeptResult } from '../facets/use-kept-result';
import type { SliceControls } from '../facets/use-slice';
import { brushRange } from './time-range';

/** Error rate per error_class over time (share of all calls in the bucket). Click a class to filter. */
export function ErrorsChart({ slice, overall }: { slice: SliceControls; overall: Kept<TimeSeries> }) {
  const api = useApi();
  const colors = useThemeColors();
  const result = useKeptResult(() => api.timeSeries({ filter: slice.filter, by: 'error_class', top: 9, measures: ['requests'] }), [api, slice.key]);
  const data = useMemo(() => (result.value ? seriesRows(result.value) : undefined), [result.value]);
  const totals = useMemo(() => {
    const map = new Map<number, number>();
    for (const r of overall.value ? seriesRows(overall.value).rows : []) map.set(Number(r['bucket']), Number(r['requests']));
    return map;
  }, [overall.value]);
  const classes = (data?.groups ?? []).filter((g): g is string => g !== null);
  const drawn = useMemo((): ChartOption => {
    const rows = data?.rows ?? [];
    return {
      ...baseOption(colors, { legend: true, yName: 'error rate' }),
      ...TIME_BRUSH,
      tooltip: { ...PLAIN_TOOLTIP, trigger: 'axis', valueFormatter: (v) => formatPercent(Number(v), 2) },
      series: classes.map((c) => ({
        type: 'bar' as const,
        stack: 'errors',
        name: chartLabel(c),
        barMaxWidth: 16,
        data: rows.filter((r) => r['group'] === c).map((r) => [Number(r['bucket']), Number(r['requests']) / (totals.get(Number(r['bucket'])) || Number(r['requests']))]),
      })),
    };
  }, [data, totals, colors]);
  const option = useSettled(drawn, !result.loading && !overall.loading);
  const errors = (data?.rows ?? []).filter((r) => r['group'] !== null).reduce((n, r) => n + Number(r['requests']), 0);
  const toggle = (name: string | undefined) => {
    const c = classes.find((x) => chartLabel(x) === name);
    if (c !== undefined) slice.toggle('error_class', c);
  };
  return (
    <ChartPanel title="Error rate by error class" loading={result.loading} error={result.error} empty={(data?.rows.length ?? 0) === 0}>
      {classes.length === 0 && data ? <div className="status empty">No errors in this slice</div> : null}
      <EChart
        testId="chart-errors"
        label="Error rate by error class over time"
        summary={`${errors} errors in ${classes.length} classes`}
        option={option}
        events={{ click: (p) => toggle(p.seriesName), legend: toggle, brush: (from, to) => slice.setRange(...brushRange(from, to)) }}
      />
    </ChartPanel>
  );
}
