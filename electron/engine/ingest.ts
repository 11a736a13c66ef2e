import { listValue } from '@duckdb/node-api';
import { MAX_REPORTED_ERRORS, type IngestIssue, type IngestProgress, type IngestReport, type SourceReport } from '../../shared/domain/ingest';
import { BATCH_FILE_BYTES, type BatchFile, loadCanonicalBatch, MAX_BATCH_FILES } from '../formats/canonical-batch';
import { type FileToLoad, loadSniffed, type SniffedFile, sniffFile } from '../formats/load-file';
import type { LoadResult } from '../formats/load-result';
import { schemaCoverage } from './coverage';
import type { Db } from './db';
import type { Workspace } from './workspace';

export interface IngestOptions {
  readonly onProgress?: (progress: IngestProgress) => void;
}

interface Loaded {
  readonly uri: string;
  readonly bytes: number;
  readonly result: LoadResult;
}

/** Records what each file contributed, in a fixed number of statements however many files there are. */
async function recordSources(db: Db, loaded: readonly Loaded[]): Promise<void> {
  const known = loaded.filter((l) => l.result.format !== 'unknown');
  if (known.length === 0) return;
  const uris = listValue(known.map((l) => l.uri));
  const column = (pick: (l: Loaded) => number) => listValue(known.map((l) => BigInt(pick(l))));
  await db.connection.run('DELETE FROM sources WHERE uri IN (SELECT unnest($1::VARCHAR[]))', [uris]);
  await db.connection.run(
    `INSERT INTO sources SELECT unnest($1::VARCHAR[]), unnest($2::VARCHAR[]), unnest($3::BIGINT[]), unnest($4::BIGINT[]),
       unnest($5::BIGINT[]), unnest($6::BIGINT[]), unnest($7::BIGINT[]), now()`,
    [
      uris,
      listValue(known.map((l) => l.result.format)),
      column((l) => l.result.rows.calls),
      column((l) => l.result.rows.scores),
      column((l) => l.result.rows.spans),
      column((l) => l.result.skipped),
      column((l) => l.bytes),
    ],
  );
  await db.connection.run('DELETE FROM ingest_errors WHERE source IN (SELECT unnest($1::VARCHAR[]))', [uris]);
  const reported = known.flatMap(({ result }) => result.errors.slice(0, MAX_REPORTED_ERRORS));
  if (reported.length === 0) return;
  await db.connection.run('INSERT INTO ingest_errors SELECT unnest($1::VARCHAR[]), unnest($2::BIGINT[]), unnest($3::VARCHAR[])', [
    listValue(reported.map((e) => e.source)),
    listValue(reported.map((e) => (e.line === null ? null : BigInt(e.line)))),
    listValue(reported.map((e) => e.reason)),
  ]);
}

function batchFile(s: SniffedFile): BatchFile | undefined {
  if (s.kind !== 'lines' || s.detection.format !== 'canonical' || s.file.size > BATCH_FILE_BYTES) return undefined;
  return { file: s.file, records: s.detection.records };
}

/** Consecutive small canonical JSONL files of one compression: loaded with one read instead of one each. */
function nextBatch(sniffed: readonly SniffedFile[], from: number): BatchFile[] {
  const batch: BatchFile[] = [];
  for (let i = from; i < sniffed.length && batch.length < MAX_BATCH_FILES; i++) {
    const candidate = batchFile(sniffed[i]!);
    if (!candidate || (batch.length > 0 && candidate.file.compression !== batch[0]!.file.compression)) break;
    batch.push(candidate);
  }
  return batch;
}

async function sniffAll(files: readonly FileToLoad[]): Promise<SniffedFile[]> {
  const out: SniffedFile[] = [];
  for (let i = 0; i < files.length; i += 16) out.push(...(await Promise.all(files.slice(i, i + 16).map(sniffFile))));
  return out;
}

/** Loads files into the workspace (one transaction per file, or per batch of small files) and reports what happened. */
export async function ingestFiles(workspace: Workspace, files: readonly FileToLoad[], options: IngestOptions = {}): Promise<IngestReport> {
  const { db } = workspace;
  const sources: SourceReport[] = [];
  const errors: IngestIssue[] = [];
  const warnings: IngestIssue[] = [];
  const rows = { calls: 0, scores: 0, spans: 0 };
  let skipped = 0;
  const sniffed = await sniffAll(files);
  const bytesTotal = sniffed.reduce((sum, s) => sum + s.file.size, 0);
  let bytesDone = 0;
  const report = (index: number, fraction: number, size: number) =>
    options.onProgress?.({
      source: sniffed[index]!.file.uri,
      fileIndex: index,
      fileCount: files.length,
      bytesDone: bytesDone + fraction * size,
      bytesTotal,
      rows: rows.calls + rows.spans + rows.scores,
    });
  const add = (s: SniffedFile, result: LoadResult): Loaded => {
    rows.calls += result.rows.calls;
    rows.scores += result.rows.scores;
    rows.spans += result.rows.spans;
    skipped += result.skipped;
    errors.push(...result.errors);
    warnings.push(...result.warnings);
    sources.push({ uri: s.file.uri, format: result.format, rows: result.rows.calls + result.rows.scores + result.rows.spans, skipped: result.skipped, bytes: s.file.size });
    bytesDone += s.file.size;
    return { uri: s.file.uri, bytes: s.file.size, result };
  };
  const loadOne = async (index: number): Promise<Loaded> => {
    const s = sniffed[index]!;
    report(index, 0, s.file.size);
    const loaded = add(s, await loadSniffed(db, s, (fraction) => report(index, fraction, s.file.size)));
    report(index, 0, 0);
    return loaded;
  };
  for (let index = 0; index < sniffed.length; ) {
    const batch = nextBatch(sniffed, index);
    if (batch.length < 2) {
      await recordSources(db, [await loadOne(index++)]);
      continue;
    }
    report(index, 0, 0);
    const results = await loadCanonicalBatch(db, batch);
    const loaded: Loaded[] = [];
    // A batch that needs line-exact reports falls back to loading its files one by one.
    for (let i = 0; i < batch.length; i++) loaded.push(results ? add(sniffed[index + i]!, results[i]!) : await loadOne(index + i));
    await recordSources(db, loaded);
    index += batch.length;
  }
  await workspace.checkpoint();
  return { rows, skipped, errors: errors.slice(0, MAX_REPORTED_ERRORS), sources, warnings, coverage: await schemaCoverage(db) };
}
