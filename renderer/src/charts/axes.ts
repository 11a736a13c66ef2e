import type { ChartColors } from './use-theme-colors';
import type { ChartOption } from './EChart';

/** Axis, grid and legend styling in the theme's colors. */
export function baseOption(colors: ChartColors, options: { legend?: boolean; yName?: string; yLog?: boolean } = {}): ChartOption {
  const axisLine = { lineStyle: { color: colors.border } };
  return {
    grid: { left: 56, right: 16, top: options.legend ? 48 : 24, bottom: 28, containLabel: false },
    legend: options.legend ? { type: 'scroll', top: 0, textStyle: { color: colors.fg }, pageTextStyle: { color: colors.muted } } : undefined,
    xAxis: { type: 'time', axisLine, axisLabel: { color: colors.muted, hideOverlap: true }, splitLine: { show: false } },
    yAxis: {
      type: options.yLog ? 'log' : 'value',
      name: options.yName,
      nameTextStyle: { color: colors.muted },
      axisLine,
      axisLabel: { color: colors.muted },
      splitLine: { lineStyle: { color: colors.border, opacity: 0.6 } },
    },
  };
}

/** The brush that sets the time range: dragging across the timeline. */
export const TIME_BRUSH: ChartOption = {
  brush: { xAxisIndex: 0, brushType: 'lineX', brushMode: 'single', transformable: false, throttleType: 'debounce', throttleDelay: 200, removeOnClick: true },
  toolbox: { show: false },
};
