import { GUARDRAIL_COLUMNS, IS_BLOCKED, type SliceFilter, whereClause } from '../../../shared/query/filter';
import { ParamList } from '../../../shared/query/sql';
import type { Db } from '../db';
import type { Workspace } from '../workspace';

/**
 * Reading `guardrail_decisions` (a list of structs per call) costs far more than any other column: on a
 * million calls each pass over it takes hundreds of milliseconds, and an Overview refresh made several
 * (two facets, the block chart, the block rate). Calls share few distinct decision lists, so the index
 * keeps each distinct list once (TEMP table tl_guard_sets: sig, decisions, blocked) and, per call in
 * storage order, the number of its list (tl_guard_calls: sig, blocked). Queries read it beside the calls
 * with POSITIONAL JOIN, which pairs the n-th row of each.
 *
 * The index lives on the engine's connection and is rebuilt when the calls change (see callsFingerprint).
 */
export const GUARD_CALLS = 'tl_guard_calls';
export const GUARD_SETS = 'tl_guard_sets';

/** The calls with their guardrail set number and blocked flag: a FROM clause. */
export const CALLS_WITH_GUARDS = `calls POSITIONAL JOIN ${GUARD_CALLS}`;

const BUILD = [
  `CREATE OR REPLACE TEMP TABLE ${GUARD_SETS} AS
    SELECT CAST(row_number() OVER () - 1 AS UINTEGER) AS sig, guardrail_decisions AS decisions, coalesce(${IS_BLOCKED}, false) AS blocked
    FROM (SELECT DISTINCT guardrail_decisions FROM calls)`,
  `CREATE OR REPLACE TEMP TABLE ${GUARD_CALLS} AS
    SELECT s.sig, s.blocked FROM (SELECT rowid AS rid, guardrail_decisions FROM calls) c
    LEFT JOIN ${GUARD_SETS} s ON c.guardrail_decisions IS NOT DISTINCT FROM s.decisions
    ORDER BY c.rid`,
];

/**
 * Changes whenever calls are added or removed (ingest appends, replacing a source deletes and reloads).
 * Asked on a reader connection, so that it never waits behind a build on the engine's own.
 */
export async function callsFingerprint(db: Db): Promise<string> {
  const row = await db.reader.one('SELECT count(*) AS n, max(rowid) AS last, (SELECT CAST(max(loaded_at) AS VARCHAR) FROM sources) AS loaded FROM calls');
  return JSON.stringify(row);
}

const built = new WeakMap<Db, { fingerprint: string; ready: Promise<void> }>();

/** Makes sure the index matches the calls as they are now; concurrent callers share one build. */
export async function guardrailIndex(workspace: Workspace): Promise<void> {
  const { db } = workspace;
  const fingerprint = await callsFingerprint(db);
  const current = built.get(db);
  if (current?.fingerprint === fingerprint) return current.ready;
  const ready = (async () => {
    for (const sql of BUILD) await db.exec(sql);
  })();
  built.set(db, { fingerprint, ready });
  ready.catch(() => {
    if (built.get(db)?.ready === ready) built.delete(db);
  });
  return ready;
}

/** The filter split into what applies to a call's columns and what applies to its guardrail decisions. */
export function splitGuardrail(filter: SliceFilter): { calls: SliceFilter; guardrails: SliceFilter } {
  const entries = Object.entries(filter.where ?? {});
  return {
    calls: { ...filter, where: Object.fromEntries(entries.filter(([c]) => !GUARDRAIL_COLUMNS.includes(c))) },
    guardrails: { where: Object.fromEntries(entries.filter(([c]) => GUARDRAIL_COLUMNS.includes(c))) },
  };
}

/** Beyond this many decision lists in a slice, their counts stay in SQL instead of coming back as literals. */
const MAX_LISTED_SETS = 5000;

const counting = new WeakMap<Db, Map<string, Promise<{ sig: number; n: number }[]>>>();

/**
 * The calls of a slice per decision list, as a FROM item `counts(sig, n)`: one pass over the calls and
 * the index, shared by the panels that ask at once (the guardrail facets, the block chart and the KPIs'
 * block rate each need these counts; each then reads only the few decision lists). `filter` must hold
 * no guardrail conditions: those apply to the lists (`tl_guard_sets`), not to the calls.
 */
export async function countsPerSet(workspace: Workspace, filter: SliceFilter, params: ParamList): Promise<string> {
  await guardrailIndex(workspace);
  const own = new ParamList();
  const sql = `SELECT sig, count(*) AS n FROM ${CALLS_WITH_GUARDS} ${whereClause(filter, own)} GROUP BY sig ORDER BY sig`;
  let running = counting.get(workspace.db);
  if (!running) counting.set(workspace.db, (running = new Map()));
  const key = JSON.stringify([sql, own.values]);
  let rows = running.get(key);
  if (!rows) {
    const read = workspace.db.all<{ sig: number; n: number }>(sql, own.values);
    running.set(key, read);
    const done = () => running.delete(key);
    read.then(done, done);
    rows = read;
  }
  const counts = await rows;
  if (counts.length > MAX_LISTED_SETS) {
    const where = whereClause(filter, params);
    return `(SELECT sig, count(*) AS n FROM ${CALLS_WITH_GUARDS} ${where} GROUP BY sig) counts`;
  }
  // Integers read back from the index, not user input: safe as literals.
  if (counts.length === 0) return '(SELECT CAST(NULL AS UINTEGER) AS sig, CAST(0 AS BIGINT) AS n WHERE false) counts';
  return `(VALUES ${counts.map((c) => `(CAST(${Number(c.sig)} AS UINTEGER), CAST(${Number(c.n)} AS BIGINT))`).join(', ')}) counts(sig, n)`;
}
