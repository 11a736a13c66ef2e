import type { IngestIssue } from '../../shared/domain/ingest';
import type { Db } from '../engine/db';
import { clearSource, inTransaction } from '../engine/transaction';
import { checkedLinesFrom, clearRejects, rejectedLines, type LocalFile } from './json-lines';
import { byLine, type LoadResult } from './load-result';
import { reportUnusable } from './unusable';

const SCORE_TYPE = JSON.stringify({
  request_id: 'VARCHAR', requestId: 'VARCHAR', run_id: 'VARCHAR', trace_id: 'VARCHAR', traceId: 'VARCHAR',
  name: 'VARCHAR', key: 'VARCHAR', metric: 'VARCHAR', value: 'VARCHAR', score: 'VARCHAR', label: 'VARCHAR',
  source: 'VARCHAR', type: 'VARCHAR', comment: 'VARCHAR', reason: 'VARCHAR',
  ts: 'VARCHAR', timestamp: 'VARCHAR', created_at: 'VARCHAR',
});

export const SCORE_REQUIREMENT = {
  keys: [['name', 'key', 'metric'], ['request_id', 'requestId', 'run_id', 'trace_id', 'traceId']],
  reason: 'a score record needs a name and a request or trace id',
};

/** The SELECT list mapping score records (columns named as in SCORE_TYPE) onto the scores table. */
export const SCORE_ROW = `coalesce(request_id, requestId, run_id), coalesce(trace_id, traceId), coalesce(name, key, metric),
  tl_score_value(coalesce(value, score)),
  coalesce(label, CASE WHEN TRY_CAST(coalesce(value, score) AS DOUBLE) IS NULL THEN coalesce(value, score) END),
  coalesce(source, type), coalesce(comment, reason), tl_ts(coalesce(ts, timestamp, created_at)), $2`;

/** Loads a file of score records ({request_id, name, value, ...} per line). */
export async function loadScoresJsonl(db: Db, file: LocalFile, onProgress?: (f: number) => void): Promise<LoadResult> {
  return inTransaction(db, async () => {
    await clearSource(db, file.uri);
    await clearRejects(db);
    const inserted = await db.execWithProgress(
      `INSERT INTO scores SELECT ${SCORE_ROW}
       FROM (SELECT unnest(json_transform(line, '${SCORE_TYPE}')) FROM ${checkedLinesFrom(file, '$1')})`,
      [file.path, file.uri],
      onProgress,
    );
    const unusable = await dropUnusableScores(db, file.uri);
    const rejected = await rejectedLines(db, file);
    const errors: IngestIssue[] = [
      ...rejected,
      ...(await reportUnusable(db, file, unusable, SCORE_REQUIREMENT)),
    ].sort(byLine);
    return { format: 'scores', rows: { calls: 0, scores: inserted - unusable, spans: 0 }, skipped: rejected.length + unusable, errors, warnings: [] };
  });
}

export async function dropUnusableScores(db: Db, uri: string): Promise<number> {
  return db.exec('DELETE FROM scores WHERE source_uri = $1 AND (name IS NULL OR (request_id IS NULL AND trace_id IS NULL))', [uri]);
}
