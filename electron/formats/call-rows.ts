import type { IngestIssue } from '../../shared/domain/ingest';
import type { Db } from '../engine/db';
import type { LocalFile } from './json-lines';

/** The steps after a load's insert, each either needed (it may find rows to work on) or not. */
export interface AfterInsert {
  /** Rows without a recognized field, to remove and report. */
  readonly unrecognized: boolean;
  /** Inline scores to copy to the scores table. */
  readonly scores: boolean;
  /** Values that did not convert, to warn about. */
  readonly coercions: boolean;
}

/**
 * Narrows `asked` to the steps that have rows to work on, with one scan of the rows just loaded
 * instead of one per step: on a clean dump each step scanned the load (comparing every row's
 * source_uri) to find nothing. A step asked alone keeps its own scan, which costs the same.
 */
export async function stepsAfterInsert(db: Db, uri: string, asked: AfterInsert): Promise<AfterInsert> {
  if (Number(asked.unrecognized) + Number(asked.scores) + Number(asked.coercions) < 2) return asked;
  const row = await db.one(
    `SELECT count(*) FILTER (WHERE request_id IS NULL) AS unrecognized, count(_scores) AS scores, count(_coerce) AS coercions
     FROM calls WHERE source_uri = $1`,
    [uri],
  );
  const found = (key: keyof AfterInsert) => asked[key] && Number(row?.[key] ?? 1) > 0;
  return { unrecognized: found('unrecognized'), scores: found('scores'), coercions: found('coercions') };
}

/** Removes the rows of a load that carried no recognized field; returns how many. */
export async function dropUnrecognizedCalls(db: Db, uri: string): Promise<number> {
  return db.exec('DELETE FROM calls WHERE source_uri = $1 AND request_id IS NULL', [uri]);
}

/** Inline `scores: [...]` of the calls matching `where` (a condition on calls), copied to the scores table. */
export async function copyInlineScoresWhere(db: Db, where: string, params: readonly string[] = []): Promise<number> {
  return db.exec(
    `INSERT INTO scores
     SELECT request_id, trace_id, s.name, tl_score_value(s.value), CAST(s.label AS VARCHAR),
            coalesce(s.source, 'inline'), s.comment, ts, source_uri
     FROM (SELECT request_id, trace_id, ts, source_uri,
                  unnest(json_transform(_scores, '[{"name":"VARCHAR","value":"VARCHAR","label":"VARCHAR","source":"VARCHAR","comment":"VARCHAR"}]')) AS s
           FROM calls WHERE ${where} AND json_type(_scores) = 'ARRAY')
     WHERE s.name IS NOT NULL`,
    params,
  );
}

/** Inline `scores: [...]` of the calls of one source, copied to the scores table. */
export async function copyInlineScores(db: Db, uri: string): Promise<number> {
  return copyInlineScoresWhere(db, 'source_uri = $1', [uri]);
}

/** Values present in a dump that could not be converted, counted per column. */
export async function coercionWarnings(db: Db, file: LocalFile): Promise<IngestIssue[]> {
  const rows = await db.all<{ col: string; n: number; example: string }>(
    `SELECT col, count(*) AS n, min(request_id) AS example
     FROM (SELECT unnest(_coerce) AS col, request_id FROM calls WHERE source_uri = $1 AND _coerce IS NOT NULL)
     GROUP BY col ORDER BY col`,
    [file.uri],
  );
  return rows.map((r) => ({
    source: file.uri,
    line: null,
    reason: `${r.col}: ${r.n} value${r.n === 1 ? '' : 's'} of the wrong type left empty (first in request ${r.example})`,
  }));
}
