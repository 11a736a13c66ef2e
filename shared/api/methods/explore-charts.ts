import { z } from 'zod';
import { method } from '../method';
import { Filter, SortColumn, TableColumn } from '../schemas';

/** Methods behind the overview's distribution charts and the calls table's export. */

export interface HistogramBucket {
  /** Lower edge in ms (0 for the first bucket, below `start`). */
  readonly lo: number;
  /** Upper edge in ms (exclusive); null for the open last bucket. */
  readonly hi: number | null;
  readonly count: number;
}

export interface ScatterPoint {
  readonly requestId: string;
  readonly tokensOut: number;
  readonly totalMs: number;
}

export interface ScoreTrendPoint {
  readonly name: string;
  /** YYYY-MM-DD (UTC). */
  readonly day: string;
  /** Scores that day. */
  readonly count: number;
  /** Volume-weighted mean over the 7 days ending that day. */
  readonly mean: number;
  /** Scores in those 7 days. */
  readonly windowCount: number;
}

export interface ExportResult {
  readonly path: string;
  readonly rows: number;
  readonly format: 'csv' | 'jsonl';
  /** Whether trace text went through the PII masking. */
  readonly masked: boolean;
}

export const LatencyColumn = z.enum(['ttft_ms', 'total_ms', 'decode_ms']);

export const EXPLORE_CHART_METHODS = {
  latencyHistogram: method<{ readonly column: string; readonly buckets: readonly HistogramBucket[] }>()(
    z.strictObject({
      filter: Filter.default({}),
      column: LatencyColumn.default('ttft_ms'),
      /** The first bucket edge in ms; each next edge doubles (log scale). */
      start: z.number().min(1).max(60_000).default(50),
    }),
    'Call counts per latency bucket on a log scale (edges start, 2*start, 4*start, ...).',
  ),
  scatterSample: method<{ readonly points: readonly ScatterPoint[]; readonly total: number }>()(
    z.strictObject({ filter: Filter.default({}), limit: z.number().int().min(10).max(20_000).default(2000) }),
    'A repeatable random sample of (tokens_out, total_ms) per call: the decode-bound check.',
  ),
  scoreTrend: method<{ readonly points: readonly ScoreTrendPoint[] }>()(
    z.strictObject({ filter: Filter.default({}) }),
    'Per score name (faithfulness, ...) and day: the volume-weighted 7-day rolling mean and sample counts, for the calls of the slice.',
  ),
  exportCalls: method<ExportResult>()(
    z.strictObject({
      filter: Filter.default({}),
      columns: z.array(TableColumn).min(1).max(64).optional(),
      sort: z.array(z.strictObject({ column: SortColumn, desc: z.boolean().default(false) })).max(4).default([]),
      format: z.enum(['csv', 'jsonl']).default('csv'),
      /** Absolute path of the file to write; by default a new file in the Downloads folder. */
      path: z.string().min(1).max(4096).optional(),
      /** false writes trace text as logged; by default PII is masked as in gold files. */
      maskPii: z.boolean().default(true),
    }),
    'Writes the calls of a slice (chosen columns, sort order) to a CSV or JSONL file, PII masked unless maskPii is false.',
  ),
};
