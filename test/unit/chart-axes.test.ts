import { describe, expect, it } from 'vitest';
import { baseOption, LEGEND_HEIGHT } from '../../renderer/src/charts/axes';
import type { ChartColors } from '../../renderer/src/charts/use-theme-colors';
import { blockChartOption } from '../../renderer/src/views/overview/block-option';

const COLORS: ChartColors = { fg: '#000', muted: '#666', border: '#ccc', bg: '#fff', bad: '#c00', warn: '#960', series: ['#00f'] };
/** ECharts centers an axis name `nameGap` (15 px by default) above the grid's top edge, in 12 px text. */
const NAME_GAP = 15;
const NAME_FONT = 12;

describe('chart axes', () => {
  it.each([
    { legend: true, yName: 'USD', y2Name: 'per request' },
    { legend: true, yName: 'ms', y2Name: 'USD' },
    { legend: true, yName: 'error rate' },
    { yName: 'total ms' },
    { yName: 'calls' },
  ])('draws the axis names below the legend and inside the canvas: %o', (options) => {
    const option = baseOption(COLORS, options);
    const grid = option.grid as { top: number; right: number };
    const nameTop = grid.top - NAME_GAP - NAME_FONT / 2;
    expect(nameTop).toBeGreaterThanOrEqual(options.legend ? LEGEND_HEIGHT : 0);
    const axes = option.yAxis as { name?: string }[] | { name?: string };
    const names = (Array.isArray(axes) ? axes : [axes]).map((a) => a.name);
    expect(names).toEqual([options.yName, ...(options.y2Name ? [options.y2Name] : [])]);
    // The right axis has its labels' room.
    if (options.y2Name) expect(grid.right).toBeGreaterThanOrEqual(56);
  });
});

describe('the block rate chart', () => {
  it('thins out its rate labels rather than drawing them over one another in a narrow panel', () => {
    const option = blockChartOption([{ value: 'injection', count: 374 }, { value: 'policy', count: 233 }], 75_160, COLORS);
    const axis = option.xAxis as { splitNumber?: number; axisLabel: { hideOverlap?: boolean } };
    expect(axis.axisLabel.hideOverlap).toBe(true);
    expect(axis.splitNumber).toBeLessThanOrEqual(3);
    expect((option.series as { data: number[] }[])[0]!.data).toEqual([233 / 75_160, 374 / 75_160]);
  });
});
