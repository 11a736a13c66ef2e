import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { maskDeep, maskText, PII_JSON_PREFILTER, PII_PREFILTER } from '../../../shared/pii/index';
import { type SliceFilter, whereClause } from '../../../shared/query/filter';
import { ParamList, sqlIdent, sqlString } from '../../../shared/query/sql';
import type { Workspace } from '../workspace';

/** Opaque ids and hashes stay as they are, so an export still joins with everything else. */
const NEVER_MASKED = new Set(['request_id', 'trace_id', 'span_id', 'parent_span_id', 'messages_hash', 'response_hash', 'provider_request_id']);

type Shape = 'text' | 'json' | 'nested';

interface TextColumn {
  readonly name: string;
  readonly shape: Shape;
  /** DuckDB's own type text from the catalog (for casting a masked value back), never user input. */
  readonly type: string;
}

/** How the export's SELECT reads each column: masked values where the scan found PII, the stored value elsewhere. */
export interface ExportMasks {
  readonly select: readonly string[];
  /** The LEFT JOIN onto the masked values (empty when nothing needed masking). */
  readonly join: string;
  readonly cleanup: () => Promise<void>;
}

function shapeOf(type: string): Shape | undefined {
  if (type === 'VARCHAR') return 'text';
  if (type === 'JSON') return 'json';
  if (/\[\]$|^(STRUCT|MAP|UNION)\(/.test(type)) return /VARCHAR|JSON/.test(type) ? 'nested' : undefined;
  return undefined;
}

/** The column as text for the scan: JSON and nested values as their JSON text. */
function asText(c: TextColumn): string {
  const ref = `calls.${sqlIdent(c.name)}`;
  return c.shape === 'text' ? ref : c.shape === 'json' ? `CAST(${ref} AS VARCHAR)` : `CAST(to_json(${ref}) AS VARCHAR)`;
}

/** The masked value as it goes into the masks file (nested values as JSON values), or null when nothing changed. */
function masked(c: TextColumn, text: string): unknown {
  if (c.shape === 'text') {
    const out = maskText(text);
    return out === text ? null : out;
  }
  const value: unknown = JSON.parse(text);
  const after = maskDeep(value);
  return JSON.stringify(after) === JSON.stringify(value) ? null : after;
}

async function textColumns(workspace: Workspace, columns: readonly string[]): Promise<TextColumn[]> {
  const types = await workspace.db.all<{ name: string; type: string }>(
    "SELECT column_name AS name, data_type AS type FROM information_schema.columns WHERE table_schema = 'main' AND table_name = 'calls'",
  );
  const byName = new Map(types.map((t) => [t.name, t.type]));
  const out: TextColumn[] = [];
  for (const name of columns) {
    const type = byName.get(name);
    const shape = type === undefined || NEVER_MASKED.has(name) ? undefined : shapeOf(type);
    if (shape && type) out.push({ name, shape, type });
  }
  return out;
}

/**
 * Exports leave the laptop, so their free text goes through the same PII masking as gold files.
 * DuckDB's RE2 prefilter picks the rows that may hold PII in one pass; only those are masked in
 * JavaScript, and the masked values are joined back by rowid from a file (not a temp table, which
 * would belong to one connection), so the COPY itself stays streamed at DuckDB's speed.
 */
export async function exportMasks(workspace: Workspace, columns: readonly string[], filter: SliceFilter, mask: boolean): Promise<ExportMasks> {
  const plain = columns.map((c) => `calls.${sqlIdent(c)}`);
  const none: ExportMasks = { select: plain, join: '', cleanup: async () => undefined };
  if (!mask) return none;
  const texts = await textColumns(workspace, columns);
  if (texts.length === 0) return none;

  const params = new ParamList();
  const where = whereClause(filter, params);
  // Only the patterns the columns use are bound: DuckDB refuses a parameter the statement does not have.
  const patterns = new Map<boolean, string>();
  const pattern = (json: boolean) => patterns.get(json) ?? patterns.set(json, params.add(json ? PII_JSON_PREFILTER : PII_PREFILTER)).get(json)!;
  const test = texts.map((c) => `regexp_matches(${asText(c)}, ${pattern(c.shape !== 'text')})`).join(' OR ');
  const scan = `SELECT calls.rowid AS rid, ${texts.map((c, i) => `${asText(c)} AS c${i}`).join(', ')} FROM calls ${where ? `${where} AND` : 'WHERE'} (${test})`;
  const lines: string[] = [];
  for await (const rows of workspace.db.stream<Record<string, unknown>>(scan, params.values)) {
    for (const row of rows) {
      const line: Record<string, unknown> = { rid: row['rid'] };
      let any = false;
      texts.forEach((c, i) => {
        const text = row[`c${i}`];
        const m = typeof text === 'string' ? masked(c, text) : null;
        line[`c${i}`] = m;
        any ||= m !== null;
      });
      if (any) lines.push(JSON.stringify(line));
    }
  }
  if (lines.length === 0) return none;

  const dir = await mkdtemp(join(tmpdir(), 'tracelens-export-'));
  const file = join(dir, 'masks.jsonl');
  await writeFile(file, `${lines.join('\n')}\n`);
  // The file is read with each column's own type, so nested values come back typed, strings unquoted.
  const columnTypes = `{rid: 'BIGINT', ${texts.map((c, i) => `c${i}: ${sqlString(c.type)}`).join(', ')}}`;
  const index = new Map(texts.map((c, i) => [c.name, i]));
  const select = columns.map((name, k) => {
    const i = index.get(name);
    if (i === undefined) return plain[k]!;
    return `CASE WHEN m.c${i} IS NULL THEN ${plain[k]} ELSE m.c${i} END AS ${sqlIdent(name)}`;
  });
  return {
    select,
    join: `LEFT JOIN read_json(${sqlString(file)}, format = 'newline_delimited', columns = ${columnTypes}) AS m ON m.rid = calls.rowid`,
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}
