import type { TablePage } from '../../../shared/api/methods/explore';
import { type SliceFilter, whereClause } from '../../../shared/query/filter';
import { ParamList, sqlIdent } from '../../../shared/query/sql';
import { resultToArrow } from '../arrow';
import type { Workspace } from '../workspace';
import { DEFAULT_TABLE_COLUMNS } from './columns';

export interface TablePageRequest {
  readonly filter: SliceFilter;
  /** Already checked against the allowlist of table columns. */
  readonly columns?: readonly string[];
  readonly sort: readonly { readonly column: string; readonly desc: boolean }[];
  readonly offset: number;
  readonly limit: number;
}

/** One page of the calls in a slice, as Arrow; request_id breaks ties so pages never overlap. */
export async function tablePage(workspace: Workspace, request: TablePageRequest): Promise<TablePage> {
  const columns = request.columns?.length ? [...new Set(request.columns)] : [...DEFAULT_TABLE_COLUMNS];
  const countParams = new ParamList();
  const count = await workspace.db.one<{ n: number }>(`SELECT count(*) AS n FROM calls ${whereClause(request.filter, countParams)}`, countParams.values);

  const params = new ParamList();
  const where = whereClause(request.filter, params);
  const order = [...request.sort.map((s) => `${sqlIdent(s.column)} ${s.desc ? 'DESC' : 'ASC'} NULLS LAST`), 'request_id ASC'];
  const sql = `SELECT ${columns.map(sqlIdent).join(', ')} FROM calls ${where} ORDER BY ${order.join(', ')} LIMIT ${params.add(request.limit)} OFFSET ${params.add(request.offset)}`;
  const result = await workspace.db.read(sql, params.values);
  return { total: count?.n ?? 0, offset: request.offset, columns, arrow: resultToArrow(result) };
}
