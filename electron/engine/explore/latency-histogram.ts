import type { HistogramBucket } from '../../../shared/api/methods/explore-charts';
import { type SliceFilter, whereClause } from '../../../shared/query/filter';
import { ParamList, sqlIdent } from '../../../shared/query/sql';
import type { Workspace } from '../workspace';

export interface HistogramRequest {
  readonly filter: SliceFilter;
  /** Already checked against the latency columns. */
  readonly column: string;
  readonly start: number;
}

/** Counts per log-scale bucket: [0, start), [start, 2 start), [2 start, 4 start), ...; empty buckets between filled ones included. */
export async function latencyHistogram(workspace: Workspace, request: HistogramRequest): Promise<{ column: string; buckets: HistogramBucket[] }> {
  const params = new ParamList();
  const where = whereClause(request.filter, params);
  const ref = sqlIdent(request.column);
  const start = params.add(request.start);
  const condition = `${ref} IS NOT NULL`;
  const sql = `SELECT CASE WHEN ${ref} < ${start} THEN -1 ELSE CAST(floor(log2(${ref} / ${start})) AS INTEGER) END AS k, count(*) AS n
    FROM calls ${where ? `${where} AND ${condition}` : `WHERE ${condition}`} GROUP BY 1 ORDER BY 1`;
  const rows = await workspace.db.reader.all<{ k: number; n: number }>(sql, params.values);
  if (rows.length === 0) return { column: request.column, buckets: [] };
  const counts = new Map(rows.map((r) => [r.k, r.n]));
  const last = rows[rows.length - 1]!.k;
  const buckets: HistogramBucket[] = [];
  for (let k = -1; k <= last; k++) {
    const lo = k < 0 ? 0 : request.start * 2 ** k;
    buckets.push({ lo, hi: request.start * 2 ** (k + 1), count: counts.get(k) ?? 0 });
  }
  return { column: request.column, buckets };
}
