/**
 * ISO 8601 times as a user types them on the command line: a date
 * (`2026-11-04`), or a date and a time of day to the minute, second or fraction
 * (`2026-11-04T10:00`, `2026-11-04 10:00:00.5`), with an optional offset
 * (`Z`, `+02:00`, `+0200`, `+02`). A missing offset means UTC, as in the dumps,
 * whatever the machine's time zone. Anything else (`yesterday`, `1`,
 * `Nov 4 2026`, `2026-02-30`) is not a time: `Date.parse` would take some of
 * these, and DuckDB would then fail on them.
 */
const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*([Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/;

function offsetMinutes(offset: string | undefined): number {
  if (offset === undefined || offset === 'Z' || offset === 'z') return 0;
  const digits = offset.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
  return offset.startsWith('-') ? -minutes : minutes;
}

/** The instant an ISO 8601 time names, or undefined when the text is not one. */
export function parseIsoTime(text: string): Date | undefined {
  const match = ISO_TIME.exec(text.trim());
  if (!match) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', offset] = match;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 59) return undefined;
  const offsetMin = offsetMinutes(offset);
  if (Math.abs(offsetMin) > 18 * 60) return undefined;
  const ms = Number(fraction.slice(0, 3).padEnd(3, '0'));
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms) - offsetMin * 60_000);
}
