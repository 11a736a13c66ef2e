import { IS_BLOCKED } from '../../../shared/query/filter';
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
