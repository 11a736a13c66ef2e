import type { LatencyHistogram } from '../../../shared/api/methods/explore-charts';
import { type SliceFilter, whereClause } from '../../../shared/query/filter';
import { ParamList, sqlIdent } from '../../../shared/query/sql';
import { resultToArrow } from '../arrow';
import type { Workspace } from '../workspace';

export interface HistogramRequest {
  readonly filter: SliceFilter;
  /** Already checked against the latency columns. */
  readonly column: string;
  readonly start: number;
}

/**
 * Counts per log-scale bucket, as Arrow (lo, hi, count): [0, start), [start, 2 start), [2 start, 4 start), ...
 * up to the last filled bucket, the empty ones between filled ones included (a gap is part of the shape).
 */
export async function latencyHistogram(workspace: Workspace, request: HistogramRequest): Promise<LatencyHistogram> {
  const params = new ParamList();
  const where = whereClause(request.filter, params);
  const ref = sqlIdent(request.column);
  const start = params.add(request.start);
  const condition = `${ref} IS NOT NULL`;
  const sql = `WITH c AS (
      SELECT CASE WHEN ${ref} < ${start} THEN -1 ELSE CAST(floor(log2(${ref} / ${start})) AS INTEGER) END AS k, count(*) AS n
      FROM calls ${where ? `${where} AND ${condition}` : `WHERE ${condition}`} GROUP BY 1),
    ks AS (SELECT unnest(range(-1, (SELECT max(k) FROM c) + 1)) AS k)
    SELECT CASE WHEN ks.k < 0 THEN 0.0 ELSE ${start} * pow(2, ks.k) END AS lo, ${start} * pow(2, ks.k + 1) AS hi, coalesce(c.n, 0) AS count
    FROM ks LEFT JOIN c USING (k) ORDER BY ks.k`;
  return { column: request.column, start: request.start, arrow: resultToArrow(await workspace.db.reader.read(sql, params.values)) };
}
