import { useMemo } from 'react';
import type { TimeSeries } from '../../../../shared/api/methods/explore';
import { useApi } from '../../app/workspace';
import { baseOption } from '../../charts/axes';
import { ChartPanel } from '../../charts/ChartPanel';
import { type ChartOption, EChart } from '../../charts/EChart';
import { formatUsd } from '../../charts/format';
import { points, seriesRows, sum } from '../../charts/series';
import { chartLabel, groupFilterValue, PLAIN_TOOLTIP } from '../../charts/tooltip';
import { useSettled } from '../../charts/use-settled';
import { useThemeColors } from '../../charts/use-theme-colors';
import { type Kept, useKeptResult } from '../facets/use-kept-result';
import type { SliceControls } from '../facets/use-slice';

/** Cost per time bucket by tenant (top 10 stacked) with the cost per request p50 / p99 on the right axis. Click a tenant to filter. */
export function CostChart({ slice, overall }: { slice: SliceControls; overall: Kept<TimeSeries> }) {
  const api = useApi();
  const colors = useThemeColors();
  const result = useKeptResult(() => api.timeSeries({ filter: slice.filter, by: 'tenant_id', top: 10, buckets: 60, measures: ['cost_usd'] }), [api, slice.key]);
  const data = useMemo(() => (result.value ? seriesRows(result.value) : undefined), [result.value]);
  const totals = useMemo(() => (overall.value ? seriesRows(overall.value) : undefined), [overall.value]);
  const drawn = useMemo((): ChartOption => {
    return {
      ...baseOption(colors, { legend: true, yName: 'USD', y2Name: 'per request' }),
      tooltip: { ...PLAIN_TOOLTIP, trigger: 'axis', valueFormatter: (v) => formatUsd(Number(v)) },
      series: [
        ...(data?.groups ?? []).map((g) => ({ type: 'bar' as const, stack: 'cost', name: chartLabel(g), data: points(data!.rows, 'cost_usd', g), barMaxWidth: 24 })),
        { type: 'line', name: 'cost/request p50', yAxisIndex: 1, data: points(totals?.rows ?? [], 'cost_per_request_p50'), showSymbol: false, lineStyle: { type: 'dashed' } },
        { type: 'line', name: 'cost/request p99', yAxisIndex: 1, data: points(totals?.rows ?? [], 'cost_per_request_p99'), showSymbol: false },
      ],
    };
  }, [data, totals, colors]);
  const option = useSettled(drawn, !result.loading && !overall.loading);
  const cost = data ? sum(data.rows, 'cost_usd') : 0;
  const toggle = (name: string | undefined) => {
    const g = data?.groups.find((x) => chartLabel(x) === name);
    if (g !== undefined) slice.toggle('tenant_id', groupFilterValue(g));
  };
  return (
    <ChartPanel title="Cost by tenant (top 10)" loading={result.loading} error={result.error} empty={(data?.rows.length ?? 0) === 0} wide>
      <EChart testId="chart-cost" label="Cost by tenant over time" summary={`${formatUsd(cost)} across ${data?.groups.length ?? 0} tenants`} option={option} events={{ click: (p) => toggle(p.seriesName), legend: toggle }} />
    </ChartPanel>
  );
}
