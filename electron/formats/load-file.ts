import { detectLineFormat } from '../../shared/domain/detect-format';
import { inferShape } from '../../shared/query/source-shape';
import type { Db } from '../engine/db';
import { loadCanonicalJsonl } from './canonical-jsonl';
import type { LocalFile } from './json-lines';
import { NO_ROWS, type LoadResult } from './load-result';
import { loadOtlpJsonl } from './otlp-jsonl';
import { isScoreTable, loadCanonicalParquet, loadScoresParquet, parquetColumns } from './parquet';
import { loadScoresJsonl } from './scores-jsonl';
import { isDuckDb, isParquet, readHead, sampleLines } from './sniff';

export interface FileToLoad {
  readonly path: string;
  readonly uri: string;
}

function unknown(file: FileToLoad, reason: string): LoadResult {
  return { format: 'unknown', rows: NO_ROWS, skipped: 0, errors: [{ source: file.uri, line: null, reason: `not loaded: ${reason}` }], warnings: [] };
}

/** Detects what a file holds from its content and loads it with the matching loader. */
export async function loadFile(db: Db, target: FileToLoad, onProgress?: (fraction: number) => void): Promise<LoadResult & { bytes: number }> {
  const head = await readHead(target.path);
  const file: LocalFile = { ...target, size: head.size, compression: head.compression };
  const bytes = head.size;
  if (isParquet(head)) {
    const columns = await parquetColumns(db, file.path);
    const result = isScoreTable(columns) ? await loadScoresParquet(db, file, columns) : await loadCanonicalParquet(db, file, columns, onProgress);
    return { ...result, bytes };
  }
  if (isDuckDb(head)) return { ...unknown(file, 'a workspace file must be opened on its own, not mixed with dumps'), bytes };
  const sample = await sampleLines(file.path, head);
  if (sample.length === 0) return { format: 'canonical', rows: NO_ROWS, skipped: 0, errors: [], warnings: [], bytes };
  const detection = detectLineFormat(sample);
  switch (detection.format) {
    case 'canonical':
      return { ...(await loadCanonicalJsonl(db, file, inferShape(detection.records), onProgress)), bytes };
    case 'otlp':
      return { ...(await loadOtlpJsonl(db, file, onProgress)), bytes };
    case 'scores':
      return { ...(await loadScoresJsonl(db, file, onProgress)), bytes };
    default:
      return { ...unknown(file, detection.reason ?? 'unrecognized content'), bytes };
  }
}
