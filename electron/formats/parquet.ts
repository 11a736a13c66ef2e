import { alwaysIdentified, callSelect, mayCoerce } from '../../shared/query/call-mapping';
import { parquetShape, parseStructType, type ColumnType } from '../../shared/query/parquet-shape';
import { sqlIdent } from '../../shared/query/sql';
import type { Db } from '../engine/db';
import { clearSource, inTransaction } from '../engine/transaction';
import { coercionWarnings, copyInlineScores, dropUnrecognizedCalls, stepsAfterInsert } from './call-rows';
import type { LocalFile } from './json-lines';
import type { LoadResult } from './load-result';
import { SCORE_ROW, dropUnusableScores } from './scores-jsonl';
import { reportUnusable } from './unusable';

export async function parquetColumns(db: Db, path: string): Promise<ColumnType[]> {
  const rows = await db.all<{ column_name: string; column_type: string }>('DESCRIBE SELECT * FROM read_parquet($1)', [path]);
  return rows.map((r) => ({ name: r.column_name, type: r.column_type }));
}

/** What a Parquet file's statistics settle about its text columns. */
interface TextStatistics {
  /** No NULL and no empty string in any row group: every value is filled (top-level columns only matter). */
  readonly filled: Set<string>;
  /** No empty string in any row group (NULLs allowed): `nullif(x, '')` would change nothing. Struct fields as "parent, child". */
  readonly nonEmpty: Set<string>;
}

/**
 * Reads, per text column (top-level or a struct's field), what every row group's statistics show: a minimum other than
 * the empty string (the smallest string in any byte order), or no value but NULLs; and no NULL.
 * These are the statistics DuckDB's own filters on the file trust; a file without them settles nothing.
 */
async function textStatistics(db: Db, path: string, columns: readonly ColumnType[]): Promise<TextStatistics> {
  // Text fields of a struct are named by their path, "parent, child", as in the file's metadata.
  const text = new Set(
    columns.flatMap((c) => (c.type.toUpperCase() === 'VARCHAR' ? [c.name] : (parseStructType(c.type) ?? []).filter((f) => f.type.toUpperCase() === 'VARCHAR').map((f) => `${c.name}, ${f.name}`))),
  );
  if (text.size === 0) return { filled: new Set(), nonEmpty: new Set() };
  const rows = await db.all<{ name: string; filled: boolean; non_empty: boolean }>(
    `SELECT path_in_schema AS name,
            bool_and(coalesce(stats_null_count = 0 AND stats_min_value <> '', false)) AS filled,
            bool_and(coalesce(stats_min_value <> '', stats_null_count = num_values, false)) AS non_empty
     FROM parquet_metadata($1)
     GROUP BY path_in_schema`,
    [path],
  );
  // A top-level column named like a nested path ("a, b") is grouped with it: both must qualify.
  const known = rows.filter((r) => text.has(r.name));
  return { filled: new Set(known.filter((r) => r.filled).map((r) => r.name)), nonEmpty: new Set(known.filter((r) => r.non_empty).map((r) => r.name)) };
}

const SCORE_KEYS = ['name', 'key', 'metric'];
const CALL_KEYS = ['model', 'model_requested', 'tokens_in', 'input_tokens', 'latency_ms', 'ttft_ms', 'provider'];

export function isScoreTable(columns: readonly ColumnType[]): boolean {
  const names = new Set(columns.map((c) => c.name));
  return SCORE_KEYS.some((k) => names.has(k)) && (names.has('value') || names.has('score')) && !CALL_KEYS.some((k) => names.has(k));
}

/** Loads a Parquet file of call logs, using its native column types. */
export async function loadCanonicalParquet(db: Db, file: LocalFile, columns: readonly ColumnType[], onProgress?: (f: number) => void): Promise<LoadResult> {
  const text = await textStatistics(db, file.path, columns);
  const { shape, replace } = parquetShape(columns, text.filled, text.nonEmpty);
  const from = replace.length ? `(SELECT * REPLACE (${replace.join(', ')}) FROM read_parquet($1))` : 'read_parquet($1)';
  return inTransaction(db, async () => {
    await clearSource(db, file.uri);
    const inserted = await db.execWithProgress(`INSERT INTO calls ${callSelect(shape, '$2', from)}`, [file.path, file.uri], onProgress);
    // What the file's schema and statistics settle needs no scan of the rows just loaded.
    const steps = await stepsAfterInsert(db, file.uri, { unrecognized: !alwaysIdentified(shape), scores: shape.has('scores'), coercions: mayCoerce(shape, false) });
    const unusable = steps.unrecognized ? await dropUnrecognizedCalls(db, file.uri) : 0;
    return {
      format: 'canonical-parquet',
      rows: { calls: inserted - unusable, scores: steps.scores ? await copyInlineScores(db, file.uri) : 0, spans: 0 },
      skipped: unusable,
      errors: await reportUnusable(db, file, unusable, undefined),
      warnings: steps.coercions ? await coercionWarnings(db, file) : [],
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
