import type { IngestIssue } from '../../shared/domain/ingest';
import { sqlString } from '../../shared/query/sql';
import type { Db } from '../engine/db';
import { inTransaction } from '../engine/transaction';
import { readGzipTail, readTail, type Compression } from './sniff';

/** A file on the local disk (an S3 object once cached) and the URI rows are recorded under. */
export interface LocalFile {
  readonly path: string;
  readonly uri: string;
  readonly size: number;
  readonly compression: Compression;
}

export const MAX_LINE_BYTES = 64 * 1024 * 1024;

function compressionArg(file: Pick<LocalFile, 'compression'>): string {
  return file.compression === 'gzip' ? 'gzip' : 'uncompressed';
}

/**
 * The fast reader: DuckDB's own parallel JSON reader with explicit columns. It fails
 * on the first malformed line, and the caller then switches to `checkedLines`.
 */
export function fastJsonFrom(file: Pick<LocalFile, 'compression'>, pathParam: string, columnsStruct: string, filenameColumn?: string): string {
  return `read_json(${pathParam}, format = 'newline_delimited', records = true, columns = ${columnsStruct},
    maximum_object_size = ${MAX_LINE_BYTES}, compression = '${compressionArg(file)}'${filenameColumn ? `, filename = '${filenameColumn}'` : ''})`;
}

const LINE_OPTIONS = `header = false, delim = chr(1), quote = '', escape = '', auto_detect = false, max_line_size = ${MAX_LINE_BYTES}`;

/**
 * The checked reader: every line as one JSON value, parsed by DuckDB's CSV reader in
 * parallel; lines that are not valid JSON land in the rejects table with their
 * line numbers instead of failing the load. Blank lines are skipped.
 */
export function checkedLinesFrom(file: LocalFile, pathParam: string): string {
  return `(SELECT line FROM read_csv(${pathParam}, columns = {'line': 'JSON'}, ${LINE_OPTIONS},
    compression = '${compressionArg(file)}', store_rejects = true, ignore_errors = true,
    rejects_table = 'tl_rejects', rejects_scan = 'tl_rejects_scan') WHERE line IS NOT NULL)`;
}

export async function clearRejects(db: Db): Promise<void> {
  await db.exec('DROP TABLE IF EXISTS tl_rejects');
  await db.exec('DROP TABLE IF EXISTS tl_rejects_scan');
}

/** Is this DuckDB error the JSON reader meeting a line it cannot read? */
export function isMalformedInput(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /Malformed JSON|byte order mark|JSON transform error|Invalid Input Error|Conversion Error/i.test(message);
}

/**
 * A load by DuckDB's fast, typed JSON reader first (`load(false)`: each line parsed once, in parallel);
 * when a malformed line or a value of an unexpected type stops it, the same load line by line
 * (`load(true)`), which reports every bad line with its number and keeps every good one. Each attempt
 * is one transaction. `knownMalformed` skips the fast attempt, which would stop at the first bad line.
 */
export async function fastThenChecked<T>(db: Db, load: (checked: boolean) => Promise<T>, knownMalformed = false): Promise<T> {
  if (!knownMalformed) {
    try {
      return await inTransaction(db, () => load(false));
    } catch (error) {
      if (!isMalformedInput(error)) throw error;
    }
  }
  return inTransaction(db, () => load(true));
}

interface RejectRow extends Record<string, unknown> {
  line: number;
  error_type: string;
  csv_line: string | null;
}

/** The malformed lines the checked reader rejected, with a reason a user can act on. */
export async function rejectedLines(db: Db, file: LocalFile): Promise<IngestIssue[]> {
  const exists = await db.one(`SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = 'tl_rejects'`);
  if (!exists || Number(exists['n']) === 0) return [];
  // A line of only spaces is blank, not malformed; the JSON cast rejects it all the same.
  const rows = await db.all<RejectRow>(`SELECT line, error_type, csv_line FROM tl_rejects WHERE NOT regexp_full_match(coalesce(csv_line, 'x'), '\\s*') ORDER BY line`);
  if (rows.length === 0) return [];
  const tail = file.compression === 'none' ? await readTail(file.path, file.size) : await readGzipTail(file.path);
  const lastLine = tail.endsWith('\n') ? undefined : tail.slice(tail.lastIndexOf('\n') + 1);
  return rows.map((r) => ({ source: file.uri, line: Number(r.line), reason: rejectReason(r, lastLine) }));
}

function rejectReason(row: RejectRow, unterminatedLastLine: string | undefined): string {
  switch (row.error_type) {
    case 'CAST':
      if (unterminatedLastLine !== undefined && row.csv_line !== null && unterminatedLastLine.trim() === row.csv_line.trim()) {
        return 'truncated last line (the file ends in the middle of a record)';
      }
      return 'invalid JSON';
    case 'LINE SIZE OVER MAXIMUM':
      return `line longer than ${MAX_LINE_BYTES / 1024 / 1024} MB`;
    case 'TOO MANY COLUMNS':
      return 'invalid JSON (raw control character)';
    default:
      return `unreadable line (${row.error_type.toLowerCase()})`;
  }
}

/**
 * Finds, with line numbers, the valid JSON lines a loader could not use: values that
 * are not objects, and objects missing what a record needs (`required`: groups of
 * keys, one key of each group must be present). Runs only when such lines exist,
 * so a clean file never pays for it.
 */
export async function locateUnusableLines(db: Db, file: LocalFile, required: readonly (readonly string[])[], reason: string): Promise<IngestIssue[]> {
  const missing = required.map((group) => `len(list_intersect(json_keys(line), [${group.map(sqlString).join(', ')}])) = 0`).join(' OR ');
  const rows = await db.all<{ line_no: number; reason: string }>(
    `SELECT line_no, CASE WHEN json_type(line) <> 'OBJECT' THEN 'not a JSON object (' || CASE json_type(line)
                            WHEN 'ARRAY' THEN 'an array' WHEN 'VARCHAR' THEN 'a string' WHEN 'BOOLEAN' THEN 'a boolean'
                            WHEN 'NULL' THEN 'null' ELSE 'a number' END || ')'
                          ELSE $2 END AS reason
     FROM (SELECT line, line_no FROM read_csv($1, columns = {'line': 'VARCHAR'}, ${LINE_OPTIONS},
             compression = '${compressionArg(file)}', ignore_errors = true) WITH ORDINALITY AS t(line, line_no))
     WHERE line IS NOT NULL AND CASE WHEN json_valid(line) THEN json_type(line) <> 'OBJECT' OR ${missing} ELSE false END
     ORDER BY line_no`,
    [file.path, reason],
  );
  return rows.map((r) => ({ source: file.uri, line: Number(r.line_no), reason: r.reason }));
}
