import { z } from 'zod';
import { method } from '../method';
import { Filter, SortColumn, TableColumn } from '../schemas';
import type { ArrowPayload } from './explore';

/** Methods behind the overview's distribution charts and the calls table's export. */

/** Chart series travel as Arrow IPC stream bytes, as table pages and time series do. */
export interface LatencyHistogram extends ArrowPayload {
  readonly column: string;
  /** The first bucket edge in ms. Arrow rows: lo (ms; 0 for the first bucket, below `start`), hi (ms, exclusive), count. */
  readonly start: number;
}

/** Arrow rows: request_id, tokens_out, total_ms. */
export interface ScatterSample extends ArrowPayload {
  /** Calls the sample was drawn from. */
  readonly total: number;
}

/**
 * Arrow rows: name, day (YYYY-MM-DD, UTC), count (scores that day), mean (volume-weighted mean over the
 * 7 days ending that day), window_count (scores in those 7 days).
 */
export type ScoreTrend = ArrowPayload;

export interface ExportResult {
  readonly path: string;
  readonly rows: number;
  readonly format: 'csv' | 'jsonl';
  /** Whether trace text went through the PII masking. */
  readonly masked: boolean;
}

export const LatencyColumn = z.enum(['ttft_ms', 'total_ms', 'decode_ms']);

export const EXPLORE_CHART_METHODS = {
  latencyHistogram: method<LatencyHistogram>()(
    z.strictObject({
      filter: Filter.default({}),
      column: LatencyColumn.default('ttft_ms'),
      /** The first bucket edge in ms; each next edge doubles (log scale). */
      start: z.number().min(1).max(60_000).default(50),
    }),
    'Call counts per latency bucket on a log scale (edges start, 2*start, 4*start, ...).',
  ),
  scatterSample: method<ScatterSample>()(
    z.strictObject({ filter: Filter.default({}), limit: z.number().int().min(10).max(20_000).default(2000) }),
    'A repeatable random sample of (tokens_out, total_ms) per call: the decode-bound check.',
  ),
  scoreTrend: method<ScoreTrend>()(
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
