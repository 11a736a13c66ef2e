import { alwaysIdentified, callSelect, mayCoerce } from '../../shared/query/call-mapping';
import { parquetShape, type ColumnType } from '../../shared/query/parquet-shape';
import { sqlIdent } from '../../shared/query/sql';
import type { Db } from '../engine/db';
import { clearSource, inTransaction } from '../engine/transaction';
import { coercionWarnings, copyInlineScores, dropUnrecognizedCalls } from './call-rows';
import type { LocalFile } from './json-lines';
import type { LoadResult } from './load-result';
import { SCORE_ROW, dropUnusableScores } from './scores-jsonl';
import { reportUnusable } from './unusable';

export async function parquetColumns(db: Db, path: string): Promise<ColumnType[]> {
  const rows = await db.all<{ column_name: string; column_type: string }>('DESCRIBE SELECT * FROM read_parquet($1)', [path]);
  return rows.map((r) => ({ name: r.column_name, type: r.column_type }));
}

/**
 * The top-level text columns whose statistics, in every row group, show no NULL and a
 * minimum other than the empty string (the smallest string in any byte order): every
 * value there is filled. These are the statistics DuckDB's own filters on the file trust; a file
 * without them gives none.
 */
async function filledTextColumns(db: Db, path: string, columns: readonly ColumnType[]): Promise<Set<string>> {
  const text = new Set(columns.filter((c) => c.type.toUpperCase() === 'VARCHAR').map((c) => c.name));
  if (text.size === 0) return new Set();
  const rows = await db.all<{ name: string }>(
    `SELECT path_in_schema AS name FROM parquet_metadata($1)
     GROUP BY path_in_schema
     HAVING bool_and(coalesce(stats_null_count = 0 AND stats_min_value <> '', false))`,
    [path],
  );
  // Nested paths read "parent, child": a top-level column is matched by its whole name.
  return new Set(rows.map((r) => r.name).filter((name) => text.has(name)));
}

const SCORE_KEYS = ['name', 'key', 'metric'];
const CALL_KEYS = ['model', 'model_requested', 'tokens_in', 'input_tokens', 'latency_ms', 'ttft_ms', 'provider'];

export function isScoreTable(columns: readonly ColumnType[]): boolean {
  const names = new Set(columns.map((c) => c.name));
  return SCORE_KEYS.some((k) => names.has(k)) && (names.has('value') || names.has('score')) && !CALL_KEYS.some((k) => names.has(k));
}

/** Loads a Parquet file of call logs, using its native column types. */
export async function loadCanonicalParquet(db: Db, file: LocalFile, columns: readonly ColumnType[], onProgress?: (f: number) => void): Promise<LoadResult> {
  const { shape, replace } = parquetShape(columns, await filledTextColumns(db, file.path, columns));
  const from = replace.length ? `(SELECT * REPLACE (${replace.join(', ')}) FROM read_parquet($1))` : 'read_parquet($1)';
  return inTransaction(db, async () => {
    await clearSource(db, file.uri);
    const inserted = await db.execWithProgress(`INSERT INTO calls ${callSelect(shape, '$2', from)}`, [file.path, file.uri], onProgress);
    // What the file's schema and statistics settle needs no scan of the rows just loaded.
    const unusable = alwaysIdentified(shape) ? 0 : await dropUnrecognizedCalls(db, file.uri);
    return {
      format: 'canonical-parquet',
      rows: { calls: inserted - unusable, scores: shape.has('scores') ? await copyInlineScores(db, file.uri) : 0, spans: 0 },
      skipped: unusable,
      errors: await reportUnusable(db, file, unusable, undefined),
      warnings: mayCoerce(shape, false) ? await coercionWarnings(db, file) : [],
    };
  });
}

const SCORE_FIELDS = ['request_id', 'requestId', 'run_id', 'trace_id', 'traceId', 'name', 'key', 'metric', 'value', 'score', 'label', 'source', 'type', 'comment', 'reason', 'ts', 'timestamp', 'created_at'];

export async function loadScoresParquet(db: Db, file: LocalFile, columns: readonly ColumnType[]): Promise<LoadResult> {
  const names = new Set(columns.map((c) => c.name));
  const select = SCORE_FIELDS.map((f) => (names.has(f) ? `CAST(${sqlIdent(f)} AS VARCHAR) AS ${sqlIdent(f)}` : `CAST(NULL AS VARCHAR) AS ${sqlIdent(f)}`));
  return inTransaction(db, async () => {
    await clearSource(db, file.uri);
    const inserted = await db.exec(`INSERT INTO scores SELECT ${SCORE_ROW} FROM (SELECT ${select.join(', ')} FROM read_parquet($1))`, [file.path, file.uri]);
    const unusable = await dropUnusableScores(db, file.uri);
    return {
      format: 'scores-parquet',
      rows: { calls: 0, scores: inserted - unusable, spans: 0 },
      skipped: unusable,
      errors: await reportUnusable(db, file, unusable, undefined),
      warnings: [],
    };
  });
}
