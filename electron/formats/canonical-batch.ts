import { listValue } from '@duckdb/node-api';
import type { IngestIssue } from '../../shared/domain/ingest';
import { callSelect } from '../../shared/query/call-mapping';
import { inferShape, readJsonColumns } from '../../shared/query/source-shape';
import type { Db } from '../engine/db';
import { inTransaction } from '../engine/transaction';
import { copyInlineScoresWhere } from './call-rows';
import { fastJsonFrom, isMalformedInput, type LocalFile } from './json-lines';
import type { LoadResult } from './load-result';

/** Files up to this size are worth loading together: below it, per-file statements cost more than the read. */
export const BATCH_FILE_BYTES = 4 * 1024 * 1024;
export const MAX_BATCH_FILES = 256;

export interface BatchFile {
  readonly file: LocalFile;
  /** Sampled records of the file, for the shape. */
  readonly records: readonly Record<string, unknown>[];
}

/** The batch's files, as a temp table the statements join on (`tl_path` as read_json names it, `tl_uri` recorded). */
async function stageFiles(db: Db, files: readonly BatchFile[]): Promise<void> {
  await db.exec('CREATE OR REPLACE TEMP TABLE tl_batch_files (tl_path VARCHAR, tl_uri VARCHAR)');
  await db.connection.run(
    'INSERT INTO tl_batch_files SELECT unnest($1::VARCHAR[]), unnest($2::VARCHAR[])',
    [listValue(files.map((f) => f.file.path)), listValue(files.map((f) => f.file.uri))],
  );
}

const IN_BATCH = 'IN (SELECT tl_uri FROM tl_batch_files)';

async function clearSources(db: Db): Promise<void> {
  for (const table of ['calls', 'scores', 'spans']) await db.exec(`DELETE FROM ${table} WHERE source_uri ${IN_BATCH}`);
  await db.exec(`DELETE FROM ingest_errors WHERE source ${IN_BATCH}`);
  await db.exec(`DELETE FROM sources WHERE uri ${IN_BATCH}`);
}

async function countBy(db: Db, table: 'calls' | 'scores'): Promise<Map<string, number>> {
  const rows = await db.all<{ uri: string; n: number }>(`SELECT source_uri AS uri, count(*) AS n FROM ${table} WHERE source_uri ${IN_BATCH} GROUP BY 1`);
  return new Map(rows.map((r) => [r.uri, r.n]));
}

async function coercionWarningsBy(db: Db): Promise<Map<string, IngestIssue[]>> {
  const rows = await db.all<{ uri: string; col: string; n: number; example: string }>(
    `SELECT source_uri AS uri, col, count(*) AS n, min(request_id) AS example
     FROM (SELECT source_uri, unnest(_coerce) AS col, request_id FROM calls WHERE source_uri ${IN_BATCH} AND _coerce IS NOT NULL)
     GROUP BY 1, 2 ORDER BY 1, 2`,
  );
  const out = new Map<string, IngestIssue[]>();
  for (const r of rows) {
    const list = out.get(r.uri) ?? [];
    list.push({ source: r.uri, line: null, reason: `${r.col}: ${r.n} value${r.n === 1 ? '' : 's'} of the wrong type left empty (first in request ${r.example})` });
    out.set(r.uri, list);
  }
  return out;
}

/** Signals that the batch holds something only the per-file loaders report exactly. */
class NeedsPerFileLoad extends Error {}

/**
 * Loads many small canonical JSONL files (same compression) with one typed read, as
 * one transaction. Returns undefined, having loaded nothing, when any file has a
 * malformed line, a value of another type than the others, or a record without a
 * recognized field: the per-file loaders then report those with their line numbers.
 */
export async function loadCanonicalBatch(db: Db, files: readonly BatchFile[]): Promise<LoadResult[] | undefined> {
  const shape = inferShape(files.flatMap((f) => f.records));
  try {
    return await inTransaction(db, async () => {
      await stageFiles(db, files);
      await clearSources(db);
      await db.connection.run(
        `INSERT INTO calls ${callSelect(shape, 'tl_uri', `${fastJsonFrom(files[0]!.file, '$1', readJsonColumns(shape, false), 'tl_path')} JOIN tl_batch_files USING (tl_path)`)}`,
        [listValue(files.map((f) => f.file.path))],
      );
      if ((await db.exec(`DELETE FROM calls WHERE source_uri ${IN_BATCH} AND request_id IS NULL`)) > 0) throw new NeedsPerFileLoad();
      await copyInlineScoresWhere(db, `source_uri ${IN_BATCH}`);
      const calls = await countBy(db, 'calls');
      const scores = await countBy(db, 'scores');
      const warnings = await coercionWarningsBy(db);
      await db.exec('DROP TABLE tl_batch_files');
      return files.map(({ file }): LoadResult => ({
        format: 'canonical',
        rows: { calls: calls.get(file.uri) ?? 0, scores: scores.get(file.uri) ?? 0, spans: 0 },
        skipped: 0,
        errors: [],
        warnings: warnings.get(file.uri) ?? [],
      }));
    });
  } catch (error) {
    if (error instanceof NeedsPerFileLoad || isMalformedInput(error)) return undefined;
    throw error;
  }
}
