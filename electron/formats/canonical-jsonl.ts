import { knownTopLevelKeys } from '../../shared/domain/call-columns';
import type { IngestIssue } from '../../shared/domain/ingest';
import { callSelect } from '../../shared/query/call-mapping';
import { jsonTransformSpec, readJsonColumns, type SourceShape } from '../../shared/query/source-shape';
import type { Db } from '../engine/db';
import { clearSource, inTransaction } from '../engine/transaction';
import { coercionWarnings, copyInlineScores, dropUnrecognizedCalls } from './call-rows';
import { checkedLinesFrom, clearRejects, fastJsonFrom, isMalformedInput, rejectedLines, type LocalFile } from './json-lines';
import { byLine, type LoadResult } from './load-result';
import { reportUnusable } from './unusable';

type Progress = ((fraction: number) => void) | undefined;

/**
 * Loads a file of canonical call logs. DuckDB's fast, typed JSON reader is tried
 * first; a file with malformed lines or values of an unexpected type is read again
 * line by line, leniently, so that every bad line is reported with its number and
 * every good one is kept. A file whose sampled lines already showed a malformed one
 * goes straight to the line-by-line read: the typed one would stop at that line.
 */
export async function loadCanonicalJsonl(db: Db, file: LocalFile, shape: SourceShape, onProgress?: Progress, sampledMalformed = false): Promise<LoadResult> {
  if (!sampledMalformed) {
    try {
      return await inTransaction(db, () => loadWith(db, file, shape, false, onProgress));
    } catch (error) {
      if (!isMalformedInput(error)) throw error;
    }
  }
  return inTransaction(db, () => loadWith(db, file, shape, true, onProgress));
}

async function loadWith(db: Db, file: LocalFile, shape: SourceShape, checked: boolean, onProgress: Progress): Promise<LoadResult> {
  await clearSource(db, file.uri);
  let rejected: IngestIssue[] = [];
  let inserted: number;
  if (!checked) {
    inserted = await db.execWithProgress(`INSERT INTO calls ${callSelect(shape, '$2', fastJsonFrom(file, '$1', readJsonColumns(shape, false)))}`, [file.path, file.uri], onProgress);
  } else {
    await clearRejects(db);
    inserted = await db.execWithProgress(
      `INSERT INTO calls ${callSelect(shape, '$2', `(SELECT unnest(json_transform(line, ${jsonTransformSpec(shape, true)})) FROM ${checkedLinesFrom(file, '$1')})`, true)}`,
      [file.path, file.uri],
      onProgress,
    );
    rejected = await rejectedLines(db, file);
  }
  const unusable = await dropUnrecognizedCalls(db, file.uri);
  const errors = [...rejected, ...(await reportUnusable(db, file, unusable, { keys: [[...knownTopLevelKeys()]], reason: 'no field TraceLens recognizes' }))].sort(byLine);
  return {
    format: 'canonical',
    rows: { calls: inserted - unusable, scores: await copyInlineScores(db, file.uri), spans: 0 },
    skipped: rejected.length + unusable,
    errors,
    warnings: await coercionWarnings(db, file),
  };
}
