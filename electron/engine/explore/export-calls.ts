import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import type { ExportResult } from '../../../shared/api/methods/explore-charts';
import { type SliceFilter, whereClause } from '../../../shared/query/filter';
import { ParamList, sqlIdent, sqlString } from '../../../shared/query/sql';
import { EngineError } from '../errors';
import type { Workspace } from '../workspace';
import { DEFAULT_TABLE_COLUMNS } from './columns';
import { exportMasks } from './export-masks';

export interface ExportRequest {
  readonly filter: SliceFilter;
  /** Already checked against the allowlist of table columns. */
  readonly columns?: readonly string[];
  readonly sort: readonly { readonly column: string; readonly desc: boolean }[];
  readonly format: 'csv' | 'jsonl';
  readonly path?: string;
  /** false writes trace text as logged; by default PII is masked as in gold files. */
  readonly maskPii?: boolean;
}

function defaultPath(format: string): string {
  const downloads = join(homedir(), 'Downloads');
  const dir = process.env['TRACELENS_EXPORT_DIR'] ?? (existsSync(downloads) ? downloads : homedir());
  return join(dir, `tracelens-calls-${new Date().toISOString().replace(/[:.]/g, '-')}.${format}`);
}

/** Writes the slice with DuckDB's COPY (streamed, any size) in the calls table's order and columns, PII masked unless asked otherwise. */
export async function exportCalls(workspace: Workspace, request: ExportRequest): Promise<ExportResult> {
  const path = request.path ?? defaultPath(request.format);
  if (!isAbsolute(path)) throw new EngineError('bad_input', `the export path must be absolute: ${path}`);
  if (existsSync(path)) throw new EngineError('bad_input', `${path} already exists: pick a new file name`);
  const columns = request.columns?.length ? [...new Set(request.columns)] : [...DEFAULT_TABLE_COLUMNS];
  const params = new ParamList();
  const order = [...request.sort.map((s) => `calls.${sqlIdent(s.column)} ${s.desc ? 'DESC' : 'ASC'} NULLS LAST`), 'calls.rowid ASC'];
  const masks = await exportMasks(workspace, columns, request.filter, request.maskPii !== false);
  const query = `SELECT ${masks.select.join(', ')} FROM calls ${masks.join} ${whereClause(request.filter, params)} ORDER BY ${order.join(', ')}`;
  const options = request.format === 'csv' ? '(FORMAT csv, HEADER true)' : '(FORMAT json)';
  try {
    const rows = await workspace.db.exec(`COPY (${query}) TO ${sqlString(path)} ${options}`, params.values);
    return { path, rows, format: request.format, masked: request.maskPii !== false };
  } catch (error) {
    throw new EngineError('bad_input', `cannot write ${path}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  } finally {
    await masks.cleanup();
  }
}
