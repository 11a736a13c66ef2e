import type { ChartColors } from './use-theme-colors';
import type { ChartOption } from './EChart';

/** The legend row's height at the top of a chart. */
export const LEGEND_HEIGHT = 24;
/** Room for an axis name (drawn above its axis, over the grid's top edge). */
export const AXIS_NAME_HEIGHT = 24;

/**
 * Axis, grid and legend styling in the theme's colors. The grid's top leaves room for the legend and,
 * below it, the axis names (drawn above the grid): with less, the names overlapped the legend's entries.
 * `y2Name` adds a second value axis on the right, named.
 */
export function baseOption(colors: ChartColors, options: { legend?: boolean; yName?: string; yLog?: boolean; y2Name?: string } = {}): ChartOption {
  const axisLine = { lineStyle: { color: colors.border } };
  const named = options.yName !== undefined || options.y2Name !== undefined;
  const yAxis = {
    type: options.yLog ? ('log' as const) : ('value' as const),
    name: options.yName,
    nameTextStyle: { color: colors.muted },
    axisLine,
    axisLabel: { color: colors.muted },
    splitLine: { lineStyle: { color: colors.border, opacity: 0.6 } },
  };
  const y2Axis = { type: 'value' as const, name: options.y2Name, nameTextStyle: { color: colors.muted }, axisLabel: { color: colors.muted }, splitLine: { show: false } };
  return {
    grid: { left: 56, right: options.y2Name ? 64 : 16, top: (options.legend ? LEGEND_HEIGHT : 0) + (named ? AXIS_NAME_HEIGHT : 8), bottom: 28, containLabel: false },
    legend: options.legend ? { type: 'scroll', top: 0, textStyle: { color: colors.fg }, pageTextStyle: { color: colors.muted } } : undefined,
    xAxis: { type: 'time', axisLine, axisLabel: { color: colors.muted, hideOverlap: true }, splitLine: { show: false } },
    yAxis: options.y2Name ? [yAxis, y2Axis] : yAxis,
  };
}

/** The brush that sets the time range: dragging across the timeline. */
export const TIME_BRUSH: ChartOption = {
  brush: { xAxisIndex: 0, brushType: 'lineX', brushMode: 'single', transformable: false, throttleType: 'debounce', throttleDelay: 200, removeOnClick: true },
  toolbox: { show: false },
};
