import type { ScatterSample } from '../../../shared/api/methods/explore-charts';
import { type SliceFilter, whereClause } from '../../../shared/query/filter';
import { ParamList } from '../../../shared/query/sql';
import { resultToArrow } from '../arrow';
import type { Workspace } from '../workspace';

/** A repeatable sample (same slice, same points) of the calls with both tokens_out and total_ms, as Arrow (request_id, tokens_out, total_ms). */
export async function scatterSample(workspace: Workspace, filter: SliceFilter, limit: number): Promise<ScatterSample> {
  const params = new ParamList();
  const where = whereClause(filter, params);
  const condition = 'tokens_out IS NOT NULL AND total_ms IS NOT NULL';
  const inner = `SELECT request_id, CAST(tokens_out AS DOUBLE) AS tokens_out, CAST(total_ms AS DOUBLE) AS total_ms FROM calls ${where ? `${where} AND ${condition}` : `WHERE ${condition}`}`;
  const [total, sample] = await Promise.all([
    workspace.db.reader.one<{ n: number }>(`SELECT count(*) AS n FROM (${inner})`, params.values),
    workspace.db.reader.read(`SELECT * FROM (${inner}) USING SAMPLE reservoir(${Math.floor(limit)} ROWS) REPEATABLE (7)`, params.values),
  ]);
  return { total: Number(total?.n ?? 0), arrow: resultToArrow(sample) };
}
