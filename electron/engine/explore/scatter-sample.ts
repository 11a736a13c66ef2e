import type { ScatterPoint } from '../../../shared/api/methods/explore-charts';
import { type SliceFilter, whereClause } from '../../../shared/query/filter';
import { ParamList } from '../../../shared/query/sql';
import type { Workspace } from '../workspace';

/** A repeatable sample (same slice, same points) of the calls with both tokens_out and total_ms. */
export async function scatterSample(workspace: Workspace, filter: SliceFilter, limit: number): Promise<{ points: ScatterPoint[]; total: number }> {
  const params = new ParamList();
  const where = whereClause(filter, params);
  const condition = 'tokens_out IS NOT NULL AND total_ms IS NOT NULL';
  const inner = `SELECT request_id, tokens_out, total_ms FROM calls ${where ? `${where} AND ${condition}` : `WHERE ${condition}`}`;
  const total = await workspace.db.reader.one<{ n: number }>(`SELECT count(*) AS n FROM (${inner})`, params.values);
  const rows = await workspace.db.reader.all<{ request_id: string; tokens_out: number; total_ms: number }>(
    `SELECT * FROM (${inner}) USING SAMPLE reservoir(${Math.floor(limit)} ROWS) REPEATABLE (7)`,
    params.values,
  );
  return { points: rows.map((r) => ({ requestId: r.request_id, tokensOut: Number(r.tokens_out), totalMs: Number(r.total_ms) })), total: total?.n ?? 0 };
}
