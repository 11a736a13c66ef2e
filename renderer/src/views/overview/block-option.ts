import type { FacetValue } from '../../../../shared/api/methods/explore';
import type { ChartOption } from '../../charts/EChart';
import { formatPercent } from '../../charts/format';
import { chartLabel, PLAIN_TOOLTIP } from '../../charts/tooltip';
import type { ChartColors } from '../../charts/use-theme-colors';

/**
 * The block rate per guardrail dimension as horizontal bars. The rate axis is a half-width panel's
 * width less the names' 120 px: at 1024 px wide that is about 110 px, so its labels are thinned out
 * rather than drawn over one another ("0.1%0.2%0.3%").
 */
export function blockChartOption(values: readonly FacetValue[], requests: number, colors: ChartColors): ChartOption {
  const ordered = [...values].reverse();
  return {
    grid: { left: 120, right: 24, top: 8, bottom: 24 },
    xAxis: {
      type: 'value',
      splitNumber: 3,
      axisLabel: { color: colors.muted, hideOverlap: true, formatter: (v: number) => formatPercent(v, 1) },
      splitLine: { lineStyle: { color: colors.border, opacity: 0.6 } },
    },
    yAxis: { type: 'category', data: ordered.map((v) => chartLabel(v.value)), axisLabel: { color: colors.fg, width: 110, overflow: 'truncate' }, axisLine: { lineStyle: { color: colors.border } } },
    tooltip: { ...PLAIN_TOOLTIP, trigger: 'axis', valueFormatter: (v) => formatPercent(Number(v), 2) },
    series: [{ type: 'bar', name: 'block rate', data: ordered.map((v) => (requests ? v.count / requests : 0)), itemStyle: { color: colors.warn }, barMaxWidth: 18 }],
  };
}
