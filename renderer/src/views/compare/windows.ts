/** The two windows of a comparison: `b.since`/`b.until` (baseline) and `i.since`/`i.until` (incident) in the URL. */
export interface Window {
  readonly since: string;
  readonly until: string;
}

const DAY = 86_400_000;

/** Defaults: the incident is the last day of data (a quarter of it when shorter than two days), the baseline the same span just before. */
export function defaultWindows(range: { min: string; max: string }): { baseline: Window; incident: Window } {
  const min = Date.parse(range.min);
  const max = Date.parse(range.max) + 1;
  const length = max - min >= 2 * DAY ? DAY : Math.max((max - min) / 4, 60_000);
  const iso = (t: number) => new Date(Math.round(t)).toISOString();
  return { incident: { since: iso(max - length), until: iso(max) }, baseline: { since: iso(max - 2 * length), until: iso(max - length) } };
}

export function windowsFromParams(params: URLSearchParams, fallback: { baseline: Window; incident: Window }): { baseline: Window; incident: Window } {
  const read = (prefix: string, d: Window): Window => {
    const since = params.get(`${prefix}.since`);
    const until = params.get(`${prefix}.until`);
    return { since: since && !Number.isNaN(Date.parse(since)) ? since : d.since, until: until && !Number.isNaN(Date.parse(until)) ? until : d.until };
  };
  return { baseline: read('b', fallback.baseline), incident: read('i', fallback.incident) };
}
