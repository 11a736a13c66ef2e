import type { AlertDraft, CheckOutcome, SeriesPoint, Slice, SkippedSlice } from './types';

/** "tenant_id=globex, feature=refund_copilot": a slice as people read it. */
export function sliceLabel(slice: Slice): string {
  return Object.entries(slice).map(([k, v]) => `${k}=${v}`).join(', ') || 'all calls';
}

export function skip(slice: Slice, reason: string): SkippedSlice {
  return { slice, reason };
}

/** A check's outcome from its alerts and how many slices it judged or skipped. */
export function outcome(alerts: readonly AlertDraft[], judged: number, unsorted: readonly SkippedSlice[], what: string): CheckOutcome {
  // A stable order (the queries' row order is not), so reports are identical run to run.
  const skipped = [...unsorted].sort((a, b) => sliceLabel(a.slice).localeCompare(sliceLabel(b.slice)));
  const skippedNote = skipped.length ? `; ${skipped.length} skipped (${skipped[0]!.reason}${skipped.length > 1 ? ', ...' : ''})` : '';
  if (alerts.length) return { status: 'alert', reason: `${alerts.length} alert(s) over ${judged} ${what} judged${skippedNote}`, alerts, skipped };
  if (judged > 0) return { status: 'ok', reason: `${judged} ${what} judged, none over threshold${skippedNote}`, alerts, skipped };
  if (skipped.length) return { status: 'skipped', reason: `too little volume to judge any of ${skipped.length} ${what}: ${skipped[0]!.reason}`, alerts, skipped };
  return { status: 'skipped', reason: `no ${what} in the data`, alerts, skipped };
}

export function skippedCheck(reason: string): CheckOutcome {
  return { status: 'skipped', reason, alerts: [], skipped: [] };
}

/** At most `max` points, the latest kept. */
export function boundSeries(points: readonly SeriesPoint[], max = 200): SeriesPoint[] {
  const sorted = [...points].sort((a, b) => a.t.localeCompare(b.t));
  return sorted.slice(Math.max(0, sorted.length - max));
}

export function pct(value: number, digits = 1): string {
  return `${(value * 100).toFixed(digits)}%`;
}

/** At most `max` points centred on time `t` (the incident), for a chart that shows it with context. */
export function seriesAround(points: readonly SeriesPoint[], t: string, max = 200): SeriesPoint[] {
  const sorted = [...points].sort((a, b) => a.t.localeCompare(b.t));
  if (sorted.length <= max) return sorted;
  const at = Math.max(0, sorted.findIndex((p) => p.t >= t));
  const start = Math.min(Math.max(0, at - Math.floor(max / 2)), sorted.length - max);
  return sorted.slice(start, start + max);
}
