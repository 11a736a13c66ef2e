import type { DriftAlert } from '../../../../shared/drift/types';

const W = 320;
const H = 80;
const MIN_BAND = 6;

/**
 * The alert's metric over time as a small SVG line, with the baseline window and
 * the incident window shaded (colors from the theme's CSS classes, no inline styles).
 */
export function MetricChart({ alert }: { alert: DriftAlert }) {
  const points = alert.series.filter((p) => p.value !== null).map((p) => ({ t: Date.parse(p.t), v: p.value as number }));
  if (points.length < 2) return <p className="muted">Not enough points to chart.</p>;
  const t0 = Math.min(...points.map((p) => p.t), alert.baseline_window ? Date.parse(alert.baseline_window.from) : Infinity);
  const t1 = Math.max(...points.map((p) => p.t), Date.parse(alert.window.to));
  const vmax = Math.max(...points.map((p) => p.v), alert.threshold, alert.baseline ?? 0) || 1;
  const x = (t: number) => ((t - t0) / (t1 - t0 || 1)) * W;
  const y = (v: number) => H - (v / vmax) * (H - 4) - 2;
  const band = (from: string, to: string, className: string) => {
    // An hour in a week is a pixel or two: a window is drawn at least MIN_BAND wide, ending where it ends, inside the chart.
    const end = x(Date.parse(to));
    const width = Math.min(W, Math.max(MIN_BAND, end - x(Date.parse(from))));
    return <rect className={className} x={Math.min(Math.max(0, end - width), W - width)} y={0} width={width} height={H} />;
  };
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.t).toFixed(1)},${y(p.v).toFixed(1)}`).join(' ');
  return (
    <svg className="metric-chart" viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-label={`${alert.check} over time, baseline and incident windows shaded`}>
      {alert.baseline_window ? band(alert.baseline_window.from, alert.baseline_window.to, 'band-baseline') : null}
      {band(alert.window.from, alert.window.to, 'band-incident')}
      {alert.baseline !== null ? <line className="line-baseline" x1={0} x2={W} y1={y(alert.baseline)} y2={y(alert.baseline)} /> : null}
      <path className="line-metric" d={path} />
    </svg>
  );
}
