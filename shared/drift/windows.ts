import type { TimeWindow } from './types';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** The window of `ms` ending `endOffsetMs` before `asOf`. Windows are half-open: [from, to). */
export function windowBefore(asOf: Date, ms: number, endOffsetMs = 0): TimeWindow {
  const to = asOf.getTime() - endOffsetMs;
  return { from: new Date(to - ms).toISOString(), to: new Date(to).toISOString() };
}

/** `now` as the drift checks see it: the instant just after the latest call, so the latest call is inside "the last hour". */
export function asOfInstant(latestTs: string): Date {
  return new Date(Date.parse(latestTs) + 1);
}

export function spanMs(window: TimeWindow): number {
  return Date.parse(window.to) - Date.parse(window.from);
}

/** A chart bucket width (a round unit) that keeps a span under `maxPoints` points. */
export function bucketMs(spanMsValue: number, maxPoints = 200): number {
  const units = [5, 15, 30, 60, 180, 360, 720, 1440, 10080].map((m) => m * MINUTE_MS);
  return units.find((u) => Math.ceil(spanMsValue / u) <= maxPoints) ?? Math.ceil(spanMsValue / maxPoints);
}
