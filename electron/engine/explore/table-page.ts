import type { TablePage } from '../../../shared/api/methods/explore';
import { type SliceFilter, whereClause } from '../../../shared/query/filter';
import { ParamList, sqlIdent } from '../../../shared/query/sql';
import { resultToArrow } from '../arrow';
import type { Db } from '../db';
import type { Workspace } from '../workspace';
import { DEFAULT_TABLE_COLUMNS } from './columns';
import { callsFingerprint } from './guardrail-index';

export interface TablePageRequest {
  readonly filter: SliceFilter;
  /** Already checked against the allowlist of table columns. */
  readonly columns?: readonly string[];
  readonly sort: readonly { readonly column: string; readonly desc: boolean }[];
  readonly offset: number;
  readonly limit: number;
}

export interface PageOptions {
  /** Slices at least this large are paged from a sorted copy (below it, LIMIT/OFFSET is fast enough). */
  readonly sortedFrom?: number;
  /** Pages ending at most this deep never have the copy built (top-N is fast there). */
  readonly shallow?: number;
}

/** Pages this shallow come from LIMIT/OFFSET (a top-N, fast); only a deeper one has the sorted copy built. */
const SHALLOW = 2000;
const SORTED_FROM = 100_000;
const SORTED = 'tl_sorted_page';

/**
 * LIMIT/OFFSET sorts everything before the offset to skip it: a page deep in a million calls takes
 * hundreds of milliseconds. For large slices the engine keeps one sorted copy of the table's columns
 * for the latest filter, sort and columns (TEMP table in `pos` order, so that a range of it reads one
 * or two row groups), built after the first deep page was served the slow way and again when the
 * calls change; a page is then a range of `pos`.
 */
interface Sorted {
  readonly key: string;
  readonly total: number;
  readonly ready: Promise<void>;
  done: boolean;
}

const sortedCopies = new WeakMap<Db, Sorted>();

function orderBy(request: TablePageRequest): string {
  return [...request.sort.map((s) => `${sqlIdent(s.column)} ${s.desc ? 'DESC' : 'ASC'} NULLS LAST`), 'request_id ASC'].join(', ');
}

async function countOf(workspace: Workspace, filter: SliceFilter): Promise<number> {
  const params = new ParamList();
  const row = await workspace.db.reader.one<{ n: number }>(`SELECT count(*) AS n FROM calls ${whereClause(filter, params)}`, params.values);
  return row?.n ?? 0;
}

function sortedCopy(workspace: Workspace, key: string, total: number, request: TablePageRequest, columns: readonly string[]): Sorted {
  const params = new ParamList();
  const where = whereClause(request.filter, params);
  const sql = `CREATE OR REPLACE TEMP TABLE ${SORTED} AS
    SELECT row_number() OVER (ORDER BY ${orderBy(request)}) - 1 AS pos, ${columns.map(sqlIdent).join(', ')} FROM calls ${where}
    ORDER BY pos`;
  const ready = workspace.db.exec(sql, params.values).then(() => {
    sorted.done = true;
  });
  const sorted: Sorted = { key, total, ready, done: false };
  sortedCopies.set(workspace.db, sorted);
  ready.catch(() => {
    if (sortedCopies.get(workspace.db) === sorted) sortedCopies.delete(workspace.db);
  });
  return sorted;
}

/** Resolves when the sorted copy being built (if any) is ready: for measuring pages as an open app serves them. */
export async function sortedCopyReady(workspace: Workspace): Promise<void> {
  await sortedCopies.get(workspace.db)?.ready;
}

async function plainPage(workspace: Workspace, request: TablePageRequest, columns: readonly string[], total: number): Promise<TablePage> {
  const params = new ParamList();
  const where = whereClause(request.filter, params);
  const sql = `SELECT ${columns.map(sqlIdent).join(', ')} FROM calls ${where} ORDER BY ${orderBy(request)} LIMIT ${params.add(request.limit)} OFFSET ${params.add(request.offset)}`;
  return { total, offset: request.offset, columns: [...columns], arrow: resultToArrow(await workspace.db.reader.read(sql, params.values)) };
}

/** One page of the calls in a slice, as Arrow; request_id breaks ties so pages never overlap. */
export async function tablePage(workspace: Workspace, request: TablePageRequest, options: PageOptions = {}): Promise<TablePage> {
  const columns = request.columns?.length ? [...new Set(request.columns)] : [...DEFAULT_TABLE_COLUMNS];
  const key = JSON.stringify([await callsFingerprint(workspace.db), request.filter, request.sort, columns]);
  let sorted = sortedCopies.get(workspace.db);
  if (sorted?.key !== key || !sorted.done) {
    // While the copy is being built, pages come the slow way rather than wait for it.
    const total = sorted?.key === key ? sorted.total : await countOf(workspace, request.filter);
    if (total < (options.sortedFrom ?? SORTED_FROM)) return plainPage(workspace, request, columns, total);
    const page = await plainPage(workspace, request, columns, total);
    sorted = sortedCopies.get(workspace.db);
    if (request.offset + request.limit > (options.shallow ?? SHALLOW) && sorted?.key !== key) sortedCopy(workspace, key, total, request, columns);
    return page;
  }
  const result = await workspace.db.read(`SELECT ${columns.map(sqlIdent).join(', ')} FROM ${SORTED} WHERE pos >= $1 AND pos < $2 ORDER BY pos`, [
    request.offset,
    request.offset + request.limit,
  ]);
  return { total: sorted.total, offset: request.offset, columns, arrow: resultToArrow(result) };
}
