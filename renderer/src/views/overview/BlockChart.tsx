import { useMemo } from 'react';
import { useApi } from '../../app/workspace';
import { ChartPanel } from '../../charts/ChartPanel';
import { EChart } from '../../charts/EChart';
import { useSettled } from '../../charts/use-settled';
import { useThemeColors } from '../../charts/use-theme-colors';
import { useKeptResult } from '../facets/use-kept-result';
import type { SliceControls } from '../facets/use-slice';
import { blockChartOption } from './block-option';

/** Share of the slice's calls blocked by a guardrail, per guardrail dimension. Click a bar to filter. */
/** `requestsLoading`: the slice's request count (the rates' denominator) is on its way. */
export function BlockChart({ slice, requests, requestsLoading }: { slice: SliceControls; requests: number; requestsLoading: boolean }) {
  const api = useApi();
  const colors = useThemeColors();
  const result = useKeptResult(() => api.facetValues({ column: 'guardrail_blocked', filter: slice.filter, limit: 12 }), [api, slice.key]);
  const values = useMemo(() => (result.value?.values ?? []).filter((v) => v.value !== null), [result.value]);
  const drawn = useMemo(() => blockChartOption(values, requests, colors), [values, requests, colors]);
  const option = useSettled(drawn, !result.loading && !requestsLoading);
  return (
    <ChartPanel title="Guardrail block rate by dimension" loading={result.loading} error={result.error} empty={values.length === 0}>
      <EChart
        testId="chart-blocks"
        label="Guardrail block rate by dimension"
        summary={values.map((v) => `${v.value}: ${v.count}`).join(', ')}
        option={option}
        events={{ click: (p) => { const v = [...values].reverse()[p.dataIndex]; if (v?.value) slice.toggle('guardrail_blocked', v.value); } }}
      />
    </ChartPanel>
  );
}
