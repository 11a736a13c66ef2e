import { knownTopLevelKeys } from '../../shared/domain/call-columns';
import type { IngestIssue } from '../../shared/domain/ingest';
import { callSelect } from '../../shared/query/call-mapping';
import { jsonTransformSpec, readJsonColumns, type SourceShape } from '../../shared/query/source-shape';
import type { Db } from '../engine/db';
import { clearSource } from '../engine/transaction';
import { coercionWarnings, copyInlineScores, dropUnrecognizedCalls, stepsAfterInsert } from './call-rows';
import { checkedLinesFrom, clearRejects, fastJsonFrom, fastThenChecked, rejectedLines, type LocalFile } from './json-lines';
import { byLine, type LoadResult } from './load-result';
import { reportUnusable } from './unusable';

type Progress = ((fraction: number) => void) | undefined;

/**
 * Loads a file of canonical call logs (see fastThenChecked): every bad line reported with
 * its number, every good one kept. A file whose sampled lines already showed a malformed
 * one goes straight to the line-by-line read.
 */
export function loadCanonicalJsonl(db: Db, file: LocalFile, shape: SourceShape, onProgress?: Progress, sampledMalformed = false): Promise<LoadResult> {
  return fastThenChecked(db, (checked) => loadWith(db, file, shape, checked, onProgress), sampledMalformed);
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
  const steps = await stepsAfterInsert(db, file.uri, { unrecognized: true, scores: true, coercions: true });
  const unusable = steps.unrecognized ? await dropUnrecognizedCalls(db, file.uri) : 0;
  const errors = [...rejected, ...(await reportUnusable(db, file, unusable, { keys: [[...knownTopLevelKeys()]], reason: 'no field TraceLens recognizes' }))].sort(byLine);
  return {
    format: 'canonical',
    rows: { calls: inserted - unusable, scores: steps.scores ? await copyInlineScores(db, file.uri) : 0, spans: 0 },
    skipped: rejected.length + unusable,
    errors,
    warnings: steps.coercions ? await coercionWarnings(db, file) : [],
  };
}
