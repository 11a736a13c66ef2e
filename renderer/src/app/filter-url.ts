import { FILTER_COLUMNS, type SliceFilter } from '../../../shared/query/filter';

/** A slice filter in URL parameters: `w.COLUMN=VALUE` (repeated for several values), `since`, `until`. */
const PREFIX = 'w.';

export function filterFromParams(params: URLSearchParams): SliceFilter {
  const where: Record<string, string[]> = {};
  for (const [key, value] of params) {
    if (!key.startsWith(PREFIX)) continue;
    const column = key.slice(PREFIX.length);
    if (FILTER_COLUMNS.includes(column)) (where[column] ??= []).push(value);
  }
  const since = params.get('since') ?? undefined;
  const until = params.get('until') ?? undefined;
  return { where, ...(since ? { since } : {}), ...(until ? { until } : {}) };
}

/** `params` with the filter's keys replaced by `filter`; other keys (view state) are kept. */
export function withFilter(params: URLSearchParams, filter: SliceFilter): URLSearchParams {
  const next = new URLSearchParams([...params].filter(([key]) => !key.startsWith(PREFIX) && key !== 'since' && key !== 'until'));
  for (const [column, values] of Object.entries(filter.where ?? {})) for (const value of values) next.append(PREFIX + column, value);
  if (filter.since) next.set('since', filter.since);
  if (filter.until) next.set('until', filter.until);
  return next;
}
