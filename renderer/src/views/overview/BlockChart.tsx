import { useMemo } from 'react';
import { useApi } from '../../app/workspace';
import { ChartPanel } from '../../charts/ChartPanel';
import { type ChartOption, EChart } from '../../charts/EChart';
import { formatPercent } from '../../charts/format';
import { chartLabel, PLAIN_TOOLTIP } from '../../charts/tooltip';
import { useSettled } from '../../charts/use-settled';
import { useThemeColors } from '../../charts/use-theme-colors';
import { useKeptResult } from '../facets/use-kept-result';
import type { SliceControls } from '../facets/use-slice';

/** Share of the slice's calls blocked by a guardrail, per guardrail dimension. Click a bar to filter. */
/** `requestsLoading`: the slice's request count (the rates' denominator) is on its way. */
export function BlockChart({ slice, requests, requestsLoading }: { slice: SliceControls; requests: number; requestsLoading: boolean }) {
  const api = useApi();
  const colors = useThemeColors();
  const result = useKeptResult(() => api.facetValues({ column: 'guardrail_dimension', filter: slice.filter, blocking: true, limit: 12 }), [api, slice.key]);
  const values = useMemo(() => (result.value?.values ?? []).filter((v) => v.value !== null), [result.value]);
  const drawn = useMemo((): ChartOption => {
    const ordered = [...values].reverse();
    return {
      grid: { left: 120, right: 24, top: 8, bottom: 24 },
      xAxis: { type: 'value', axisLabel: { color: colors.muted, formatter: (v: number) => formatPercent(v, 1) }, splitLine: { lineStyle: { color: colors.border, opacity: 0.6 } } },
      yAxis: { type: 'category', data: ordered.map((v) => chartLabel(v.value)), axisLabel: { color: colors.fg, width: 110, overflow: 'truncate' }, axisLine: { lineStyle: { color: colors.border } } },
      tooltip: { ...PLAIN_TOOLTIP, trigger: 'axis', valueFormatter: (v) => formatPercent(Number(v), 2) },
      series: [{ type: 'bar', name: 'block rate', data: ordered.map((v) => (requests ? v.count / requests : 0)), itemStyle: { color: colors.warn }, barMaxWidth: 18 }],
    };
  }, [values, requests, colors]);
  const option = useSettled(drawn, !result.loading && !requestsLoading);
  return (
    <ChartPanel title="Guardrail block rate by dimension" loading={result.loading} error={result.error} empty={values.length === 0}>
      <EChart
        testId="chart-blocks"
        label="Guardrail block rate by dimension"
        summary={values.map((v) => `${v.value}: ${v.count}`).join(', ')}
        option={option}
        events={{ click: (p) => { const v = [...values].reverse()[p.dataIndex]; if (v?.value) slice.toggle('guardrail_dimension', v.value); } }}
      />
    </ChartPanel>
  );
}
