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

/** tokens_out vs total latency on a sample: a straight band means decode-bound (cap max_tokens, not replicas). Click a point to open the call. */
export function DecodeScatter({ slice, openCall }: { slice: SliceControls; openCall: (requestId: string) => void }) {
  const api = useApi();
  const colors = useThemeColors();
  const result = useKeptResult(() => api.scatterSample({ filter: slice.filter, limit: 1500 }), [api, slice.key]);
  const arrow = result.value?.arrow;
  const sample = useMemo(() => (arrow ? tableRows(decodeArrow(arrow)).map((r) => ({ requestId: String(r['request_id']), tokensOut: Number(r['tokens_out']), totalMs: Number(r['total_ms']) })) : []), [arrow]);
  const option = useMemo((): ChartOption => {
    const base = baseOption(colors, { yName: 'total ms' });
    return {
      ...base,
      grid: { ...base.grid, bottom: 40 },
      xAxis: { type: 'value', name: 'tokens_out', nameLocation: 'middle', nameGap: 24, nameTextStyle: { color: colors.muted }, axisLabel: { color: colors.muted }, splitLine: { show: false } },
      tooltip: { ...PLAIN_TOOLTIP, trigger: 'item', formatter: (p) => { const v = (p as unknown as { value: [number, number] }).value; return `${formatCount(v[0])} tokens out, ${formatMs(v[1])}`; } },
      series: [{ type: 'scatter', name: 'calls', symbolSize: 4, large: sample.length > 2000, data: sample.map((s) => [s.tokensOut, s.totalMs]), itemStyle: { opacity: 0.6 } }],
    };
  }, [sample, colors]);
  return (
    <ChartPanel title={`Tokens out vs total latency (sample of ${formatCount(sample.length)} of ${formatCount(result.value?.total ?? 0)})`} loading={result.loading} error={result.error} empty={sample.length === 0}>
      <EChart
        testId="chart-scatter"
        label="Tokens out versus total latency"
        summary={`${sample.length} sampled calls`}
        option={option}
        events={{ click: (p) => { const s = sample[p.dataIndex]; if (s) openCall(s.requestId); } }}
      />
    </ChartPanel>
  );
}
