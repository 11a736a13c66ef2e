import { CALL_COLUMNS } from '../../shared/domain/call-columns';
import { SQL_TYPES } from '../../shared/query/call-mapping';
import { OTLP_CALL_VALUES, OTLP_IS_LLM, OTLP_LINE_TYPE, OTLP_SPAN_ROW, otlpSpansSelect } from '../../shared/query/otlp-mapping';
import { sqlIdent, sqlString } from '../../shared/query/sql';
import type { Db } from '../engine/db';
import { clearSource, inTransaction } from '../engine/transaction';
import { checkedLinesFrom, clearRejects, locateUnusableLines, rejectedLines, type LocalFile } from './json-lines';
import type { LoadResult } from './load-result';

function callSelect(): string {
  const items = CALL_COLUMNS.map((c) => `CAST(${OTLP_CALL_VALUES[c.name] ?? 'NULL'} AS ${SQL_TYPES[c.kind]}) AS ${sqlIdent(c.name)}`);
  items.push('CAST(NULL AS VARCHAR[]) AS "_coerce"', `${OTLP_CALL_VALUES['metadata']} AS "metadata"`, '$1 AS "source_uri"', 'CAST(NULL AS JSON) AS "_scores"');
  return items.join(',\n  ');
}

/** Loads OTLP JSON lines: every span into `spans`, every GenAI model call also into `calls`. */
export async function loadOtlpJsonl(db: Db, file: LocalFile, onProgress?: (f: number) => void): Promise<LoadResult> {
  return inTransaction(db, async () => {
    await clearSource(db, file.uri);
    await clearRejects(db);
    await db.exec('DROP TABLE IF EXISTS tl_otlp_stage');
    await db.execWithProgress(
      `CREATE TEMP TABLE tl_otlp_stage AS ${otlpSpansSelect(checkedLinesFrom(file, '$1'), sqlString(OTLP_LINE_TYPE))}`,
      [file.path],
      onProgress,
    );
    const spans = await db.exec(`INSERT INTO spans SELECT ${OTLP_SPAN_ROW} FROM tl_otlp_stage WHERE span_id IS NOT NULL`, [file.uri]);
    const calls = await db.exec(`INSERT INTO calls SELECT ${callSelect()} FROM tl_otlp_stage WHERE span_id IS NOT NULL AND ${OTLP_IS_LLM}`, [file.uri]);
    await db.exec('DROP TABLE tl_otlp_stage');
    let errors = await rejectedLines(db, file);
    if (spans === 0 && errors.length === 0) errors = await locateUnusableLines(db, file, [['resourceSpans']], 'no resourceSpans in this line');
    return { format: 'otlp', rows: { calls, scores: 0, spans }, skipped: errors.length, errors, warnings: [] };
  });
}
