import * as echarts from 'echarts';
import { useEffect, useRef } from 'react';
import { useThemeColors } from './use-theme-colors';

export type ChartOption = echarts.EChartsOption;

export interface ChartEvents {
  /** A bar, point or pie slice was clicked. */
  readonly click?: (params: { seriesIndex?: number; dataIndex: number; seriesName?: string; name: string; value: unknown }) => void;
  /** A legend entry was clicked (its series name). */
  readonly legend?: (name: string) => void;
  /** A range was brushed on the x axis (axis values: epoch ms on time axes). */
  readonly brush?: (from: number, to: number) => void;
}

export interface EChartProps {
  readonly option: ChartOption;
  readonly testId: string;
  /** What the chart shows, for screen readers. */
  readonly label: string;
  /** A short text of the numbers drawn, exposed as data-summary (tests and assistive tech can read it). */
  readonly summary: string;
  readonly events?: ChartEvents;
  readonly height?: number;
}

/** One ECharts canvas, redrawn on option or theme change and resized with its box. */
export function EChart({ option, testId, label, summary, events, height = 240 }: EChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | undefined>(undefined);
  const handlers = useRef(events);
  handlers.current = events;
  const colors = useThemeColors();

  useEffect(() => {
    const instance = echarts.init(box.current!, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (p) => {
      const params = p as unknown as Parameters<NonNullable<ChartEvents['click']>>[0] & { componentType?: string };
      if (params.componentType === 'series') handlers.current?.click?.(params);
    });
    instance.on('legendselectchanged', (p) => handlers.current?.legend?.((p as { name: string }).name));
    instance.on('brushEnd', (p) => {
      const range = (p as { areas?: { coordRange?: [number, number] }[] }).areas?.[0]?.coordRange;
      if (range && handlers.current?.brush) handlers.current.brush(Math.min(range[0], range[1]), Math.max(range[0], range[1]));
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(box.current!);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = undefined;
    };
  }, []);

  // Handlers are new closures at every render; only whether there is a brush changes the option.
  const brushable = Boolean(events?.brush);
  useEffect(() => {
    const instance = chart.current;
    if (!instance) return;
    const themed: ChartOption = {
      color: [...colors.series],
      backgroundColor: 'transparent',
      textStyle: { color: colors.fg, fontFamily: 'system-ui, sans-serif' },
      animation: false,
      ...option,
    };
    instance.setOption(themed, { notMerge: true });
    if (brushable) {
      instance.dispatchAction({ type: 'takeGlobalCursor', key: 'brush', brushOption: { brushType: 'lineX', brushMode: 'single' } });
    }
  }, [option, colors, brushable]);

  return <div ref={box} className="chart-canvas" data-testid={testId} data-summary={summary} role="img" aria-label={`${label}: ${summary}`} style={{ height }} />;
}
