import { CALL_COLUMNS } from '../../shared/domain/call-columns';
import { SQL_TYPES } from '../../shared/query/call-mapping';
import { sqlIdent } from '../../shared/query/sql';
import type { Db } from './db';

/** Bumped when a saved workspace needs migrating. */
export const WORKSPACE_VERSION = 1;

function callsDdl(): string {
  const columns = CALL_COLUMNS.map((c) => `${sqlIdent(c.name)} ${SQL_TYPES[c.kind]}`);
  columns.push('"_coerce" VARCHAR[]', '"metadata" JSON', '"source_uri" VARCHAR', '"_scores" JSON');
  return `CREATE TABLE IF NOT EXISTS calls (\n  ${columns.join(',\n  ')}\n)`;
}

const TABLES = [
  callsDdl(),
  `CREATE TABLE IF NOT EXISTS scores (
    request_id VARCHAR, trace_id VARCHAR, name VARCHAR, value DOUBLE, label VARCHAR,
    source VARCHAR, comment VARCHAR, ts TIMESTAMPTZ, source_uri VARCHAR
  )`,
  `CREATE TABLE IF NOT EXISTS spans (
    trace_id VARCHAR, span_id VARCHAR, parent_span_id VARCHAR, name VARCHAR, kind VARCHAR,
    start_ts TIMESTAMPTZ, end_ts TIMESTAMPTZ, duration_ms DOUBLE, status VARCHAR,
    request_id VARCHAR, attributes JSON, source_uri VARCHAR
  )`,
  `CREATE TABLE IF NOT EXISTS sources (
    uri VARCHAR PRIMARY KEY, format VARCHAR, calls BIGINT, scores BIGINT, spans BIGINT,
    skipped BIGINT, bytes BIGINT, loaded_at TIMESTAMPTZ
  )`,
  `CREATE TABLE IF NOT EXISTS ingest_errors (source VARCHAR, line BIGINT, reason VARCHAR)`,
  `CREATE TABLE IF NOT EXISTS workspace_info (key VARCHAR PRIMARY KEY, value VARCHAR)`,
];

export async function createSchema(db: Db): Promise<void> {
  for (const ddl of TABLES) await db.exec(ddl);
  await db.exec(`INSERT OR IGNORE INTO workspace_info VALUES ('version', $1)`, [String(WORKSPACE_VERSION)]);
}

/** Columns that are bookkeeping, hidden from users. */
export function isHiddenColumn(name: string): boolean {
  return name.startsWith('_');
}
