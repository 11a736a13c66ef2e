import { prefilterFor } from '../../../shared/pii';
import type { PiiKind } from '../../../shared/pii';
import type { SqlQuery } from '../../../shared/query/sql';

/** A call whose free text passed the prefilter; each field is set only when it did. */
export interface CandidateRow {
  readonly request_id: string | null;
  readonly input_preview: string | null;
  readonly output_preview: string | null;
  /** JSON text. */
  readonly messages: string | null;
  /** JSON text. */
  readonly metadata: string | null;
  /** JSON array of each tool call's arguments (text, often JSON itself). */
  readonly tool_args: string | null;
}

const TOOL_ARGS = 'list_transform(tool_calls, t -> t.args)';

/**
 * One pass over `calls` in DuckDB: every free-text field is tested against the
 * prefilter (RE2, linear time) and only rows with a candidate leave the database.
 * Ids and hashes are never looked at.
 */
export function candidatesQuery(kinds: readonly PiiKind[]): SqlQuery {
  const test = (expr: string, param: string): string => `CASE WHEN regexp_matches(${expr}, ${param}) THEN ${expr} END`;
  const sql = `
    SELECT * FROM (
      SELECT
        request_id,
        ${test('input_preview', '$1')} AS input_preview,
        ${test('output_preview', '$1')} AS output_preview,
        ${test('CAST(messages AS VARCHAR)', '$2')} AS messages,
        ${test('CAST(metadata AS VARCHAR)', '$2')} AS metadata,
        CASE WHEN regexp_matches(array_to_string(${TOOL_ARGS}, chr(10)), $2) THEN CAST(to_json(${TOOL_ARGS}) AS VARCHAR) END AS tool_args
      FROM calls
    )
    WHERE coalesce(input_preview, output_preview, messages, metadata, tool_args) IS NOT NULL`;
  return { sql, params: [prefilterFor(kinds, false), prefilterFor(kinds, true)] };
}
