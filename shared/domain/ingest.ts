/** What an ingest reports: the JSON of `tracelens ingest --json` and the app's open report. */
export type SourceFormat = 'canonical' | 'canonical-parquet' | 'otlp' | 'scores' | 'scores-parquet' | 'workspace' | 'unknown';

export interface IngestIssue {
  readonly source: string;
  /** 1-based line number as an editor shows it; null for a problem with the whole file. */
  readonly line: number | null;
  readonly reason: string;
}

export interface SourceReport {
  readonly uri: string;
  readonly format: SourceFormat;
  readonly rows: number;
  readonly skipped: number;
  readonly bytes: number;
}

export interface RowCounts {
  readonly calls: number;
  readonly scores: number;
  readonly spans: number;
}

export interface IngestReport {
  readonly rows: RowCounts;
  readonly skipped: number;
  /** The first 100 malformed lines and unreadable files, in source and line order. */
  readonly errors: readonly IngestIssue[];
  readonly sources: readonly SourceReport[];
  /** Values that were present but could not be converted (left empty), per column. */
  readonly warnings: readonly IngestIssue[];
  /** Share of calls (0..1) with a non-empty value, per canonical column. */
  readonly coverage: Readonly<Record<string, number>>;
}

export const MAX_REPORTED_ERRORS = 100;

export interface IngestProgress {
  readonly source: string;
  readonly fileIndex: number;
  readonly fileCount: number;
  readonly bytesDone: number;
  readonly bytesTotal: number;
  readonly rows: number;
}
