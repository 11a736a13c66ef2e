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
