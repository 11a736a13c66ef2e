import { type Detection, detectLineFormat } from '../../shared/domain/detect-format';
import { inferShape } from '../../shared/query/source-shape';
import { type Db, firstLine } from '../engine/db';
import { EngineError } from '../engine/errors';
import { loadCanonicalJsonl } from './canonical-jsonl';
import type { LocalFile } from './json-lines';
import { NO_ROWS, type LoadResult } from './load-result';
import { loadOtlpJsonl } from './otlp-jsonl';
import { isScoreTable, loadCanonicalParquet, loadScoresParquet, parquetColumns } from './parquet';
import { loadScoresJsonl } from './scores-jsonl';
import { type FileHead, gzipProblem, isDuckDb, isParquet, readHead, sampleLines } from './sniff';

export interface FileToLoad {
  readonly path: string;
  readonly uri: string;
}

/** A file whose content has been sniffed: what the loader to use needs to know. */
export type SniffedFile =
  | { readonly kind: 'parquet'; readonly file: LocalFile }
  | { readonly kind: 'duckdb'; readonly file: LocalFile }
  | { readonly kind: 'empty'; readonly file: LocalFile }
  | { readonly kind: 'unreadable'; readonly file: LocalFile; readonly reason: string }
  | { readonly kind: 'lines'; readonly file: LocalFile; readonly detection: Detection };

function localFile(target: FileToLoad, head: FileHead): LocalFile {
  return { ...target, size: head.size, compression: head.compression };
}

/** Detects what a file holds from its content (magic bytes, then sampled lines). */
export async function sniffFile(target: FileToLoad): Promise<SniffedFile> {
  const head = await readHead(target.path);
  const file = localFile(target, head);
  if (isParquet(head)) return { kind: 'parquet', file };
  if (isDuckDb(head)) return { kind: 'duckdb', file };
  const sample = await sampleLines(file.path, head);
  if (sample.length === 0) {
    // A gzip stream that yields nothing may be an empty dump or a damaged one: only the first is no news.
    const problem = head.compression === 'gzip' ? await gzipProblem(file.path) : undefined;
    return problem ? { kind: 'unreadable', file, reason: `not a readable gzip file (${problem})` } : { kind: 'empty', file };
  }
  return { kind: 'lines', file, detection: detectLineFormat(sample) };
}

/** DuckDB's message without the local path it names (an s3:// source's path is the cached copy). */
function unreadableReason(error: unknown): string {
  return firstLine(error instanceof Error ? error.message : String(error)).replace(/ (in|of) file '[^']*'/g, '').replace(/:? ?'[^']*\.parquet'/g, '');
}

function unknown(file: FileToLoad, reason: string): LoadResult {
  return { format: 'unknown', rows: NO_ROWS, skipped: 0, errors: [{ source: file.uri, line: null, reason: `not loaded: ${reason}` }], warnings: [] };
}

/** Loads a sniffed file with the matching loader. */
export async function loadSniffed(db: Db, sniffed: SniffedFile, onProgress?: (fraction: number) => void): Promise<LoadResult & { bytes: number }> {
  const { file } = sniffed;
  const bytes = file.size;
  switch (sniffed.kind) {
    case 'parquet': {
      try {
        const columns = await parquetColumns(db, file.path);
        const result = isScoreTable(columns) ? await loadScoresParquet(db, file, columns) : await loadCanonicalParquet(db, file, columns, onProgress);
        return { ...result, bytes };
      } catch (error) {
        // A damaged file (cut off, bad footer) is one file not loaded, not the end of the whole ingest; its load rolled back.
        if (error instanceof EngineError) throw error;
        return { ...unknown(file, `not a readable Parquet file (${unreadableReason(error)})`), bytes };
      }
    }
    case 'duckdb':
      return { ...unknown(file, 'a workspace file must be opened on its own, not mixed with dumps'), bytes };
    case 'empty':
      return { format: 'canonical', rows: NO_ROWS, skipped: 0, errors: [], warnings: [], bytes };
    case 'unreadable':
      return { ...unknown(file, sniffed.reason), bytes };
    case 'lines':
      break;
  }
  const { detection } = sniffed;
  switch (detection.format) {
    case 'canonical':
      return { ...(await loadCanonicalJsonl(db, file, inferShape(detection.records), onProgress, detection.malformed > 0)), bytes };
    case 'otlp':
      return { ...(await loadOtlpJsonl(db, file, onProgress)), bytes };
    case 'scores':
      return { ...(await loadScoresJsonl(db, file, onProgress)), bytes };
    default:
      return { ...unknown(file, detection.reason ?? 'unrecognized content'), bytes };
  }
}

/** Detects what a file holds from its content and loads it with the matching loader. */
export async function loadFile(db: Db, target: FileToLoad, onProgress?: (fraction: number) => void): Promise<LoadResult & { bytes: number }> {
  return loadSniffed(db, await sniffFile(target), onProgress);
}
