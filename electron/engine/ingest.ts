import { stat } from 'node:fs/promises';
import { MAX_REPORTED_ERRORS, type IngestIssue, type IngestProgress, type IngestReport, type SourceReport } from '../../shared/domain/ingest';
import { loadFile, type FileToLoad } from '../formats/load-file';
import type { LoadResult } from '../formats/load-result';
import { schemaCoverage } from './coverage';
import type { Db } from './db';
import type { Workspace } from './workspace';

export interface IngestOptions {
  readonly onProgress?: (progress: IngestProgress) => void;
}

async function recordSource(db: Db, uri: string, result: LoadResult, skipped: number, bytes: number): Promise<void> {
  const { calls, scores, spans } = result.rows;
  await db.exec('DELETE FROM sources WHERE uri = $1', [uri]);
  await db.exec('INSERT INTO sources VALUES ($1, $2, $3, $4, $5, $6, $7, now())', [uri, result.format, calls, scores, spans, skipped, bytes]);
  await db.exec('DELETE FROM ingest_errors WHERE source = $1', [uri]);
  for (const e of result.errors.slice(0, MAX_REPORTED_ERRORS)) await db.exec('INSERT INTO ingest_errors VALUES ($1, $2, $3)', [e.source, e.line, e.reason]);
}

/** Loads files into the workspace, one transaction per file, and reports what happened. */
export async function ingestFiles(workspace: Workspace, files: readonly FileToLoad[], options: IngestOptions = {}): Promise<IngestReport> {
  const { db } = workspace;
  const sources: SourceReport[] = [];
  const errors: IngestIssue[] = [];
  const warnings: IngestIssue[] = [];
  const rows = { calls: 0, scores: 0, spans: 0 };
  let skipped = 0;
  const sizes = await Promise.all(files.map((f) => stat(f.path).then((s) => s.size, () => 0)));
  const bytesTotal = sizes.reduce((a, b) => a + b, 0);
  let bytesDone = 0;
  for (const [index, file] of files.entries()) {
    const size = sizes[index] ?? 0;
    const report = (fraction: number) =>
      options.onProgress?.({
        source: file.uri,
        fileIndex: index,
        fileCount: files.length,
        bytesDone: bytesDone + fraction * size,
        bytesTotal,
        rows: rows.calls + rows.spans + rows.scores,
      });
    report(0);
    const result = await loadFile(db, file, report);
    rows.calls += result.rows.calls;
    rows.scores += result.rows.scores;
    rows.spans += result.rows.spans;
    skipped += result.skipped;
    errors.push(...result.errors);
    warnings.push(...result.warnings);
    sources.push({ uri: file.uri, format: result.format, rows: result.rows.calls + result.rows.scores + result.rows.spans, skipped: result.skipped, bytes: result.bytes });
    if (result.format !== 'unknown') await recordSource(db, file.uri, result, result.skipped, result.bytes);
    bytesDone += size;
    report(0);
  }
  await workspace.checkpoint();
  return { rows, skipped, errors: errors.slice(0, MAX_REPORTED_ERRORS), sources, warnings, coverage: await schemaCoverage(db) };
}
