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
  /** Pages ending at most this deep are served by a top-N query while the copy builds (deeper ones wait for it). */
  readonly shallow?: number;
}

/** Pages this shallow come from LIMIT/OFFSET (a top-N, fast) while the sorted copy builds. */
const SHALLOW = 2000;
const SORTED_FROM = 100_000;
/** TEMP tables of sorted copies: a new name per copy, so that a page never reads a copy built for another slice. */
const SORTED = 'tl_sorted_page';
let copies = 0;

/**
 * LIMIT/OFFSET sorts everything before the offset to skip it: a page deep in a million calls takes
 * hundreds of milliseconds. For large slices the engine keeps, for the latest filter and sort, the
 * order of the slice's calls: a TEMP table of (pos, rid), the calls' row ids in sort order, stored in
 * pos order so that a range of it reads one row group. A page is a range of pos joined back to the
 * calls by row id. Keys alone (not the shown columns) make the copy quick to build (a few hundred
 * milliseconds on a million calls, where a copy of the columns took a second or more) and keep it when
 * the user picks other columns. It is built as soon as the first page of a large slice is asked for,
 * so that it is usually ready before the user scrolls deep; a deep page asked while it builds waits
 * for it rather than sort the slice a second time beside it. Rebuilt when the calls change.
 */
interface Sorted {
  readonly key: string;
  readonly table: string;
  readonly total: number;
  readonly ready: Promise<void>;
  done: boolean;
}

const sortedCopies = new WeakMap<Db, Sorted>();

/**
 * The sort keys, then storage order: a total order, so pages never overlap. The row id breaks ties at
 * about half the cost of request_id (a string) in the sort that builds the copy.
 */
function orderBy(request: TablePageRequest): string {
  return [...request.sort.map((s) => `${sqlIdent(s.column)} ${s.desc ? 'DESC' : 'ASC'} NULLS LAST`), 'rowid ASC'].join(', ');
}

async function countOf(workspace: Workspace, filter: SliceFilter): Promise<number> {
  const params = new ParamList();
  const row = await workspace.db.reader.one<{ n: number }>(`SELECT count(*) AS n FROM calls ${whereClause(filter, params)}`, params.values);
  return row?.n ?? 0;
}

function sortedCopy(workspace: Workspace, key: string, total: number, request: TablePageRequest): Sorted {
  const params = new ParamList();
  const where = whereClause(request.filter, params);
  const table = `${SORTED}_${++copies}`;
  const previous = sortedCopies.get(workspace.db);
  const build = async () => {
    if (previous) await workspace.db.exec(`DROP TABLE IF EXISTS ${previous.table}`);
    await workspace.db.exec(
      `CREATE TEMP TABLE ${table} AS SELECT row_number() OVER (ORDER BY ${orderBy(request)}) - 1 AS pos, rowid AS rid FROM calls ${where} ORDER BY pos`,
      params.values,
    );
    sorted.done = true;
  };
  const sorted: Sorted = { key, table, total, ready: build(), done: false };
  sortedCopies.set(workspace.db, sorted);
  sorted.ready.catch(() => {
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

async function sortedPage(workspace: Workspace, request: TablePageRequest, columns: readonly string[], sorted: Sorted): Promise<TablePage> {
  const sql = `SELECT ${columns.map((c) => `c.${sqlIdent(c)}`).join(', ')}
    FROM (SELECT pos, rid FROM ${sorted.table} WHERE pos >= $1 AND pos < $2) s JOIN calls c ON c.rowid = s.rid
    ORDER BY s.pos`;
  const result = await workspace.db.read(sql, [request.offset, request.offset + request.limit]);
  return { total: sorted.total, offset: request.offset, columns, arrow: resultToArrow(result) };
}

/** One page of the calls in a slice, as Arrow, in the order of `orderBy`. */
export async function tablePage(workspace: Workspace, request: TablePageRequest, options: PageOptions = {}): Promise<TablePage> {
  const columns = request.columns?.length ? [...new Set(request.columns)] : [...DEFAULT_TABLE_COLUMNS];
  const key = JSON.stringify([await callsFingerprint(workspace.db), request.filter, request.sort]);
  let sorted = sortedCopies.get(workspace.db);
  if (sorted?.key !== key) {
    const total = await countOf(workspace, request.filter);
    if (total < (options.sortedFrom ?? SORTED_FROM)) return plainPage(workspace, request, columns, total);
    sorted = sortedCopies.get(workspace.db);
    if (sorted?.key !== key) sorted = sortedCopy(workspace, key, total, request);
  }
  if (!sorted.done && request.offset + request.limit <= (options.shallow ?? SHALLOW)) return plainPage(workspace, request, columns, sorted.total);
  try {
    await sorted.ready;
    return await sortedPage(workspace, request, columns, sorted);
  } catch (error) {
    // The copy failed, or was replaced by one for another slice (its table dropped) meanwhile: the slow way.
    if (sorted.done && sortedCopies.get(workspace.db) === sorted) throw error;
    return plainPage(workspace, request, columns, sorted.total);
  }
}
