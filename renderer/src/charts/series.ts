import type { TimeSeries } from '../../../shared/api/methods/explore';
import { decodeArrow, type PlainRow, tableRows } from '../api/arrow';

export interface SeriesRows {
  readonly rows: readonly PlainRow[];
  readonly groups: readonly (string | null)[];
  readonly bucketMs: number;
  readonly interval: string;
}

export function seriesRows(series: TimeSeries): SeriesRows {
  return { rows: tableRows(decodeArrow(series.arrow)), groups: series.groups, bucketMs: series.bucketMs, interval: series.interval };
}

/** [time, value] pairs of one group (or of all rows without grouping). */
export function points(rows: readonly PlainRow[], field: string, group?: string | null): [number, number | null][] {
  return rows
    .filter((r) => group === undefined || r['group'] === group)
    .map((r) => [Number(r['bucket']), r[field] === null ? null : Number(r[field])]);
}

export function sum(rows: readonly PlainRow[], field: string): number {
  return rows.reduce((n, r) => n + (Number(r[field]) || 0), 0);
}
