import type { IngestIssue, RowCounts, SourceFormat } from '../../shared/domain/ingest';

/** What one file contributed to the workspace. */
export interface LoadResult {
  readonly format: SourceFormat;
  readonly rows: RowCounts;
  /** Lines or records that could not be loaded. */
  readonly skipped: number;
  readonly errors: readonly IngestIssue[];
  readonly warnings: readonly IngestIssue[];
}

export const NO_ROWS: RowCounts = { calls: 0, scores: 0, spans: 0 };

export function byLine(a: IngestIssue, b: IngestIssue): number {
  return (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER);
}
