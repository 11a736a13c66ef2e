import type { TimeSeries } from '../../../shared/api/methods/explore';
import { DIMENSIONS } from '../../../shared/domain/call-columns';
import { type SliceFilter, UnknownColumnError, whereClause } from '../../../shared/query/filter';
import { aggregatesSql, type SliceMeasure } from '../../../shared/query/slice';
import { ParamList, sqlIdent } from '../../../shared/query/sql';
import { resultToArrow } from '../arrow';
import type { Workspace } from '../workspace';
import { sliceProfile } from './slice-profile';

const MINUTE = 60_000;
/** time_bucket's default origin for day and smaller widths (Monday 2000-01-03 UTC), in microseconds since the epoch. */
const ORIGIN_US = 946_857_600_000_000;

/**
 * time_bucket(width, ts) for a fixed width, in integer epoch arithmetic: the same buckets (same origin, UTC),
 * but without time_bucket's calendar path on TIMESTAMPTZ, which costs seconds per million rows for day widths.
 */
export function bucketExpr(widthMs: number): string {
  const width = widthMs * 1000;
  const offset = `(epoch_us(ts) - ${ORIGIN_US})`;
  return `make_timestamptz(epoch_us(ts) - ((${offset} % ${width}) + ${width}) % ${width})`;
}
/** Bucket widths, narrowest first: the first that gives at most the wanted number of buckets wins. */
export const BUCKET_LADDER: readonly { readonly interval: string; readonly ms: number }[] = [
  { interval: '1 minute', ms: MINUTE },
  { interval: '5 minutes', ms: 5 * MINUTE },
  { interval: '15 minutes', ms: 15 * MINUTE },
  { interval: '30 minutes', ms: 30 * MINUTE },
  { interval: '1 hour', ms: 60 * MINUTE },
  { interval: '3 hours', ms: 180 * MINUTE },
  { interval: '6 hours', ms: 360 * MINUTE },
  { interval: '12 hours', ms: 720 * MINUTE },
  { interval: '1 day', ms: 1440 * MINUTE },
  { interval: '7 days', ms: 7 * 1440 * MINUTE },
];

export function pickBucket(spanMs: number, buckets: number): { interval: string; ms: number } {
  return BUCKET_LADDER.find((b) => spanMs / b.ms <= buckets) ?? BUCKET_LADDER[BUCKET_LADDER.length - 1]!;
}

export interface TimeSeriesRequest {
  readonly filter: SliceFilter;
  readonly buckets: number;
  /** A dimension (already checked against the allowlist) to split the series by. */
  readonly by?: string;
  readonly top: number;
  /** Only these aggregates (and `requests`); all of them by default. */
  readonly measures?: readonly SliceMeasure[];
}

function and(where: string, condition: string): string {
  return where ? `${where} AND ${condition}` : `WHERE ${condition}`;
}

/** The slice aggregates per time bucket (bucket width adapted to the filtered time span), as Arrow. */
export async function timeSeries(workspace: Workspace, request: TimeSeriesRequest): Promise<TimeSeries> {
  const profile = await sliceProfile(workspace, request.filter);
  const split = request.by ? profile.columns.get(request.by) : undefined;
  if (request.by && !split) throw new UnknownColumnError(request.by, [...DIMENSIONS]);
  const groups = split?.values.slice(0, request.top).map((g) => g.value) ?? [];
  const bucket = pickBucket(profile.spanMs, request.buckets);

  const params = new ParamList();
  let where = and(whereClause(request.filter, params), 'ts IS NOT NULL');
  const select = [`${bucketExpr(bucket.ms)} AS bucket`];
  if (request.by) {
    const ref = sqlIdent(request.by);
    // When the top groups are all the slice has, there is no condition to test on every call.
    if (split!.distinct > request.top) {
      const named = groups.filter((g): g is string => g !== null);
      const conditions = named.length ? [`CAST(${ref} AS VARCHAR) IN (${named.map((g) => params.add(g)).join(', ')})`] : [];
      if (groups.includes(null)) conditions.push(`${ref} IS NULL`);
      where = and(where, conditions.length ? `(${conditions.join(' OR ')})` : 'false');
    }
    select.push(`CAST(${ref} AS VARCHAR) AS ${sqlIdent('group')}`);
  }
  select.push(aggregatesSql(request.measures ? ['requests', ...request.measures] : undefined));
  const groupBy = request.by ? 'GROUP BY 1, 2 ORDER BY 1, 2 NULLS LAST' : 'GROUP BY 1 ORDER BY 1';
  const result = await workspace.db.reader.read(`SELECT ${select.join(',\n  ')} FROM calls ${where} ${groupBy}`, params.values);
  return { interval: bucket.interval, bucketMs: bucket.ms, groups, arrow: resultToArrow(result) };
}
