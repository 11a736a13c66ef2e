import type { ScoreTrend } from '../../../shared/api/methods/explore-charts';
import { type SliceFilter, whereClause } from '../../../shared/query/filter';
import { ParamList } from '../../../shared/query/sql';
import { resultToArrow } from '../arrow';
import type { Workspace } from '../workspace';

/**
 * Per score name and day: the 7-day rolling mean weighted by volume (sum of values over the window divided
 * by the number of scores in it) and the sample counts, for the calls of the slice, as Arrow
 * (name, day as YYYY-MM-DD, count, mean, window_count).
 */
export async function scoreTrend(workspace: Workspace, filter: SliceFilter): Promise<ScoreTrend> {
  const params = new ParamList();
  const where = whereClause(filter, params);
  const sql = `WITH daily AS (
      SELECT s.name, date_trunc('day', coalesce(s.ts, c.ts)) AS day, sum(s.value) AS total, count(*) AS n
      FROM scores s JOIN (SELECT request_id, ts FROM calls ${where}) c ON c.request_id = s.request_id
      WHERE s.value IS NOT NULL AND s.name IS NOT NULL
      GROUP BY 1, 2)
    SELECT name, strftime(day, '%Y-%m-%d') AS day, CAST(n AS INTEGER) AS count,
      sum(total) OVER w / sum(n) OVER w AS mean, CAST(sum(n) OVER w AS INTEGER) AS window_count
    FROM daily
    WINDOW w AS (PARTITION BY name ORDER BY day RANGE BETWEEN INTERVAL 6 DAYS PRECEDING AND CURRENT ROW)
    ORDER BY name, day
    LIMIT 5000`;
  return { arrow: resultToArrow(await workspace.db.reader.read(sql, params.values)) };
}
