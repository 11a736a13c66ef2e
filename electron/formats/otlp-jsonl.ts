import { CALL_COLUMNS } from '../../shared/domain/call-columns';
import { SQL_TYPES } from '../../shared/query/call-mapping';
import { OTLP_CALL_VALUES, OTLP_IS_LLM, OTLP_LINE_TYPE, OTLP_READ_COLUMNS, OTLP_SPAN_COLUMNS, otlpSpansSelect } from '../../shared/query/otlp-mapping';
import { sqlIdent, sqlString } from '../../shared/query/sql';
import type { Db } from '../engine/db';
import { clearSource } from '../engine/transaction';
import { checkedLinesFrom, clearRejects, fastJsonFrom, fastThenChecked, locateUnusableLines, rejectedLines, type LocalFile } from './json-lines';
import type { LoadResult } from './load-result';

const SPAN_TABLE_COLUMNS = ['trace_id', 'span_id', 'parent_span_id', 'name', 'kind', 'start_ts', 'end_ts', 'duration_ms', 'status', 'request_id', 'attributes'];

/** A call column as staged: prefixed, as span and call columns share names. */
function staged(name: string): string {
  return sqlIdent(`call_${name}`);
}

/**
 * How the calls insert reads each call column from the staged span: a column OTLP has no
 * attribute for is NULL, one that is a span column as it is (trace_id, ts as start_ts, ...),
 * and only the others are staged, computed for model calls only.
 */
function callSource(name: string): 'null' | 'span' | 'staged' {
  const value = OTLP_CALL_VALUES[name];
  if (value === undefined) return 'null';
  return SPAN_TABLE_COLUMNS.includes(value) ? 'span' : 'staged';
}

/**
 * The staged row of a span: its spans-table columns and, for a GenAI model call, its
 * computed calls-table columns, both computed in the pass that reads the file. Staging the
 * computed columns (rather than every attribute as lists, looked up afterwards)
 * keeps much less in memory between the two inserts.
 */
function stageSelect(resourceSpansFrom: string): string {
  const calls = CALL_COLUMNS.filter((c) => callSource(c.name) === 'staged').map(
    (c) => `CASE WHEN tl_is_llm THEN CAST(${OTLP_CALL_VALUES[c.name]} AS ${SQL_TYPES[c.kind]}) END AS ${staged(c.name)}`,
  );
  return `SELECT ${OTLP_SPAN_COLUMNS}, tl_is_llm, ${calls.join(',\n  ')}
    FROM (SELECT *, ${OTLP_IS_LLM} AS tl_is_llm FROM (${otlpSpansSelect(resourceSpansFrom)}) WHERE span_id IS NOT NULL)`;
}

function callRow(): string {
  const items = CALL_COLUMNS.map((c) => {
    const source = callSource(c.name);
    const value = source === 'staged' ? staged(c.name) : `CAST(${source === 'span' ? sqlIdent(OTLP_CALL_VALUES[c.name]!) : 'NULL'} AS ${SQL_TYPES[c.kind]})`;
    return `${value} AS ${sqlIdent(c.name)}`;
  });
  items.push('CAST(NULL AS VARCHAR[]) AS "_coerce"', 'attributes AS "metadata"', '$1 AS "source_uri"', 'CAST(NULL AS JSON) AS "_scores"');
  return items.join(', ');
}

type Progress = ((fraction: number) => void) | undefined;

/**
 * Loads OTLP JSON lines: every span into `spans`, every GenAI model call also into `calls`;
 * the typed reader first, line by line after a malformed line (see fastThenChecked).
 */
export function loadOtlpJsonl(db: Db, file: LocalFile, onProgress?: Progress): Promise<LoadResult> {
  return fastThenChecked(db, (checked) => loadWith(db, file, checked, onProgress));
}

async function loadWith(db: Db, file: LocalFile, checked: boolean, onProgress: Progress): Promise<LoadResult> {
  await clearSource(db, file.uri);
  await clearRejects(db);
  await db.exec('DROP TABLE IF EXISTS tl_otlp_stage');
  const resourceSpansFrom = checked
    ? `(SELECT json_transform(line, ${sqlString(OTLP_LINE_TYPE)}).resourceSpans AS resourceSpans FROM ${checkedLinesFrom(file, '$1')})`
    : fastJsonFrom(file, '$1', OTLP_READ_COLUMNS);
  await db.execWithProgress(`CREATE TEMP TABLE tl_otlp_stage AS ${stageSelect(resourceSpansFrom)}`, [file.path], onProgress);
  const spans = await db.exec(`INSERT INTO spans SELECT ${SPAN_TABLE_COLUMNS.map(sqlIdent).join(', ')}, $1 FROM tl_otlp_stage`, [file.uri]);
  const calls = await db.exec(`INSERT INTO calls SELECT ${callRow()} FROM tl_otlp_stage WHERE tl_is_llm`, [file.uri]);
  await db.exec('DROP TABLE tl_otlp_stage');
  let errors = await rejectedLines(db, file);
  if (spans === 0 && errors.length === 0) errors = await locateUnusableLines(db, file, [['resourceSpans']], 'no resourceSpans in this line');
  return { format: 'otlp', rows: { calls, scores: 0, spans }, skipped: errors.length, errors, warnings: [] };
}
