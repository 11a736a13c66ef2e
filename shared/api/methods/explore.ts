import { z } from 'zod';
import type { IngestIssue, IngestReport, RowCounts, SourceReport } from '../../domain/ingest';
import type { ColumnKind } from '../../domain/call-columns';
import { PERCENTILE_MEASURES, SLICE_MEASURES, type SliceGroup } from '../../query/slice';
import { method } from '../method';
import { Dimension, Empty, FACET_COLUMNS, FacetColumn, Filter, GroupColumn, SortColumn, TableColumn } from '../schemas';

/** Methods that open data and explore it. Table pages and series travel as Arrow IPC stream bytes. */

export interface WorkspaceInfo {
  /** The workspace file; null for dumps loaded into memory. */
  readonly path: string | null;
  /** What the window shows as its title: the file or the first source. */
  readonly title: string;
  readonly rows: RowCounts;
  /** First and last call (ISO 8601); null when there are no calls. "Now" is `max`. */
  readonly timeRange: { readonly min: string; readonly max: string } | null;
  readonly sources: readonly SourceReport[];
  /** The report of the last load in this session; null for a saved workspace opened as is. */
  readonly report: IngestReport | null;
  /** Malformed lines recorded in the workspace (first 100 per source). */
  readonly errors: readonly IngestIssue[];
  /** Share of calls with a value, per canonical column. */
  readonly coverage: Readonly<Record<string, number>>;
}

export interface OpenResult {
  readonly workspace: WorkspaceInfo;
  /** What this load did; null when a saved workspace was opened. */
  readonly report: IngestReport | null;
}

export interface ColumnInfo {
  readonly name: string;
  readonly kind: ColumnKind | 'system';
  readonly description: string;
  readonly dimension: boolean;
  readonly filterable: boolean;
  readonly sortable: boolean;
  readonly facet: boolean;
  /** Shown in the calls table unless the user picks columns. */
  readonly defaultVisible: boolean;
  /** Share of calls with a value (0..1). */
  readonly coverage: number;
}

export interface FacetValue {
  /** null: calls without a value (filter with '' to select them). */
  readonly value: string | null;
  readonly count: number;
}

export interface FacetValues {
  readonly column: string;
  readonly values: readonly FacetValue[];
  /** Distinct values matching the search, of which `values` are the largest `limit`. */
  readonly distinct: number;
}

export interface FacetCounts {
  /** In the order of the request's columns. */
  readonly facets: readonly FacetValues[];
}

export interface ArrowPayload {
  /** Arrow IPC stream bytes: decode with `tableFromIPC`. */
  readonly arrow: Uint8Array;
}

export interface TimeSeries extends ArrowPayload {
  /** Bucket width as DuckDB interval text (`1 hour`, `5 minutes`, ...). */
  readonly interval: string;
  readonly bucketMs: number;
  /** With `by`: the groups shown (largest first). */
  readonly groups: readonly (string | null)[];
}

export interface TablePage extends ArrowPayload {
  /** Calls in the slice. */
  readonly total: number;
  readonly offset: number;
  readonly columns: readonly string[];
}

export interface SpanRow {
  readonly trace_id: string | null;
  readonly span_id: string | null;
  readonly parent_span_id: string | null;
  readonly name: string | null;
  readonly kind: string | null;
  readonly start_ts: string | null;
  readonly end_ts: string | null;
  readonly duration_ms: number | null;
  readonly status: string | null;
  readonly request_id: string | null;
  readonly attributes: unknown;
}

export interface ScoreRow {
  readonly name: string | null;
  readonly value: number | null;
  readonly label: string | null;
  readonly source: string | null;
  readonly comment: string | null;
  readonly ts: string | null;
}

export interface CallDetail {
  /** Every column of the call, JSON-friendly (timestamps ISO, lists as arrays). */
  readonly call: Readonly<Record<string, unknown>>;
  readonly scores: readonly ScoreRow[];
  /** Spans of the call's trace (OTLP exports), by start time. */
  readonly spans: readonly SpanRow[];
  /** The other calls of the same trace, by start time (for the waterfall). */
  readonly traceCalls: readonly Readonly<Record<string, unknown>>[];
}

export interface RecentWorkspace {
  readonly title: string;
  readonly path: string | null;
  readonly sources: readonly string[];
  readonly openedAt: string;
}

const Source = z.string().min(1).max(4096);

export const EXPLORE_METHODS = {
  openSources: method<OpenResult>()(
    z.strictObject({
      sources: z.array(Source).min(1).max(1000),
      /** `replace` opens a new workspace; `add` loads into the current one. */
      mode: z.enum(['replace', 'add']).default('replace'),
    }),
    'Open files, folders, globs, s3:// URIs or a workspace file; ingest progress arrives as `ingestProgress` events.',
  ),
  openDemo: method<OpenResult>()(Empty, 'Open the bundled demo dataset (generated on first use).'),
  workspaceInfo: method<WorkspaceInfo>()(Empty, 'The open workspace: counts, time range, sources, ingest report, coverage.'),
  columns: method<{ readonly columns: readonly ColumnInfo[] }>()(Empty, 'The calls columns with their roles and coverage.'),
  facetValues: method<FacetValues>()(
    z.strictObject({
      column: FacetColumn,
      filter: Filter.default({}),
      search: z.string().max(200).optional(),
      limit: z.number().int().min(1).max(1000).default(50),
    }),
    "Values of a column with their call counts under the filter (ignoring the filter's own values of that column).",
  ),
  facetCounts: method<FacetCounts>()(
    z.strictObject({
      columns: z.array(FacetColumn).min(1).max(FACET_COLUMNS.length),
      filter: Filter.default({}),
      limit: z.number().int().min(1).max(1000).default(50),
    }),
    'The values of several facets with their call counts, each as `facetValues` gives it (the facet sidebar in one call).',
  ),
  sliceAggregates: method<{ readonly groups: readonly SliceGroup[] }>()(
    z.strictObject({
      by: z.array(GroupColumn).max(4).default([]),
      filter: Filter.default({}),
      /** Only these percentiles (each sorts its column over the slice); the others are null. All by default. */
      percentiles: z.array(z.enum(PERCENTILE_MEASURES)).max(PERCENTILE_MEASURES.length).optional(),
    }),
    'The SLI aggregates of `tracelens slice`, per group; `percentiles` picks the percentiles computed (the others null).',
  ),
  timeSeries: method<TimeSeries>()(
    z.strictObject({
      filter: Filter.default({}),
      /** About this many buckets: the width is picked from a ladder (1 minute ... 1 week). */
      buckets: z.number().int().min(4).max(1000).default(120),
      by: Dimension.optional(),
      top: z.number().int().min(1).max(20).default(8),
      /** Only these aggregates (and `requests`): a chart that draws two of them need not compute the rest. */
      measures: z.array(z.enum(SLICE_MEASURES)).min(1).max(SLICE_MEASURES.length).optional(),
    }),
    'Slice aggregates per time bucket (Arrow: bucket, [group], requests, errors, latency percentiles, tokens, cost, block_rate; or the `measures` asked for).',
  ),
  tablePage: method<TablePage>()(
    z.strictObject({
      filter: Filter.default({}),
      columns: z.array(TableColumn).min(1).max(64).optional(),
      sort: z.array(z.strictObject({ column: SortColumn, desc: z.boolean().default(false) })).max(4).default([]),
      offset: z.number().int().min(0).max(1_000_000_000).default(0),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
    'A page of calls as Arrow (lists and structs as JSON text).',
  ),
  callDetail: method<CallDetail>()(z.strictObject({ requestId: z.string().min(1).max(1000) }), 'One call with its scores, spans and trace.'),
  recentWorkspaces: method<{ readonly workspaces: readonly RecentWorkspace[] }>()(Empty, 'Workspaces opened lately, newest first.'),
};
