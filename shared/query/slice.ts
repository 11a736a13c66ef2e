import { DIMENSIONS } from '../domain/call-columns';
import { IS_BLOCKED, type SliceFilter, UnknownColumnError, whereClause } from './filter';
import { ParamList, type SqlQuery, sqlIdent } from './sql';

/** Time buckets a slice can also be grouped by. */
const TIME_GROUPS: Record<string, string> = {
  hour: `date_trunc('hour', ts)`,
  day: `date_trunc('day', ts)`,
  week: `date_trunc('week', ts)`,
};

export const GROUP_COLUMNS: readonly string[] = [...DIMENSIONS, ...Object.keys(TIME_GROUPS)];

export interface SliceSpec extends SliceFilter {
  readonly by: readonly string[];
}

/** One row of `tracelens slice --json`, named as in the CLI contract. */
export interface SliceGroup {
  readonly [column: string]: string | number | null;
  requests: number;
  errors: number;
  error_rate: number;
  ttft_p50_ms: number | null;
  ttft_p95_ms: number | null;
  total_p50_ms: number | null;
  total_p95_ms: number | null;
  decode_p95_ms: number | null;
  tokens_in: number;
  tokens_out: number;
  cost_usd: number;
  cost_per_request_p50: number | null;
  cost_per_request_p99: number | null;
  block_rate: number;
}

/** The measures of a slice, in the order of `tracelens slice --json`. */
export const SLICE_MEASURES = [
  'requests', 'errors', 'error_rate', 'ttft_p50_ms', 'ttft_p95_ms', 'total_p50_ms', 'total_p95_ms', 'decode_p95_ms',
  'tokens_in', 'tokens_out', 'cost_usd', 'cost_per_request_p50', 'cost_per_request_p99', 'block_rate',
] as const;
export type SliceMeasure = (typeof SLICE_MEASURES)[number];

export const PERCENTILE_MEASURES = ['ttft_p50_ms', 'ttft_p95_ms', 'total_p50_ms', 'total_p95_ms', 'decode_p95_ms', 'cost_per_request_p50', 'cost_per_request_p99'] as const;
export type PercentileMeasure = (typeof PERCENTILE_MEASURES)[number];

/** The percentiles the Overview's KPI cards show: the app asks for these only (each column is a sort of the slice). */
export const KPI_PERCENTILES: readonly PercentileMeasure[] = ['ttft_p50_ms', 'ttft_p95_ms', 'total_p95_ms', 'cost_per_request_p99'];

/** Every measure but the percentiles not in `percentiles` (all of them when it is undefined). */
export function measuresWith(percentiles?: readonly PercentileMeasure[]): SliceMeasure[] {
  return SLICE_MEASURES.filter((m) => !percentiles || !(PERCENTILE_MEASURES as readonly string[]).includes(m) || (percentiles as readonly string[]).includes(m));
}

/** Percentile measures: column and fraction. */
const PERCENTILES: Record<PercentileMeasure, readonly [column: string, fraction: number]> = {
  ttft_p50_ms: ['ttft_ms', 0.5],
  ttft_p95_ms: ['ttft_ms', 0.95],
  total_p50_ms: ['total_ms', 0.5],
  total_p95_ms: ['total_ms', 0.95],
  decode_p95_ms: ['decode_ms', 0.95],
  cost_per_request_p50: ['cost_usd', 0.5],
  cost_per_request_p99: ['cost_usd', 0.99],
};

const PLAIN: Record<Exclude<SliceMeasure, keyof typeof PERCENTILES | 'block_rate'>, string> = {
  requests: 'CAST(count(*) AS BIGINT)',
  errors: 'CAST(count(error_class) AS BIGINT)',
  error_rate: 'count(error_class) / count(*)',
  tokens_in: 'CAST(coalesce(sum(tokens_in), 0) AS BIGINT)',
  tokens_out: 'CAST(coalesce(sum(tokens_out), 0) AS BIGINT)',
  cost_usd: 'coalesce(sum(cost_usd), 0)',
};

/**
 * The select list of the given measures (all by default: the KPIs of the guide's core SLIs). The
 * percentiles of one column come from one quantile_cont over a list of fractions (DuckDB binds the
 * repeated aggregate once), so each column is sorted once however many percentiles are asked of it.
 */
export function aggregatesSql(measures: readonly SliceMeasure[] = SLICE_MEASURES, blocked: string = IS_BLOCKED): string {
  const wanted = SLICE_MEASURES.filter((m) => measures.includes(m));
  const fractions = new Map<string, number[]>();
  for (const m of wanted) {
    const p = PERCENTILES[m as PercentileMeasure];
    if (p) fractions.set(p[0], [...(fractions.get(p[0]) ?? []), p[1]]);
  }
  return wanted
    .map((m) => {
      const p = PERCENTILES[m as PercentileMeasure];
      if (m === 'block_rate') return `avg(CASE WHEN ${blocked} THEN 1.0 ELSE 0.0 END) AS ${m}`;
      if (!p) return `${PLAIN[m as keyof typeof PLAIN]} AS ${m}`;
      const list = fractions.get(p[0])!;
      return list.length === 1 ? `quantile_cont(${p[0]}, ${p[1]}) AS ${m}` : `quantile_cont(${p[0]}, [${list.join(', ')}])[${list.indexOf(p[1]) + 1}] AS ${m}`;
    })
    .join(',\n  ');
}

/** The aggregates behind every slice: the KPIs of the guide's core SLIs. */
export const SLICE_AGGREGATES = aggregatesSql();

function groupExpr(column: string): string {
  if (TIME_GROUPS[column]) return TIME_GROUPS[column]!;
  if (!DIMENSIONS.includes(column)) throw new UnknownColumnError(column, GROUP_COLUMNS);
  return sqlIdent(column);
}

/** Where a slice's rows come from: the calls, or the calls beside a table that knows which are blocked. */
export interface SliceSource {
  readonly from: string;
  /** SQL that is true when a call is blocked. */
  readonly blocked: string;
}

/** Slice aggregates grouped by `by`, largest groups first. */
export function sliceQuery(spec: SliceSpec, source: SliceSource = { from: 'calls', blocked: IS_BLOCKED }, measures: readonly SliceMeasure[] = SLICE_MEASURES): SqlQuery {
  const params = new ParamList();
  const where = whereClause(spec, params);
  const groups = spec.by.map((c) => `${groupExpr(c)} AS ${sqlIdent(c)}`);
  const select = [...groups, aggregatesSql(measures, source.blocked)].join(',\n  ');
  const groupBy = spec.by.length ? `GROUP BY ${spec.by.map((_, i) => i + 1).join(', ')}` : '';
  const order = ['requests DESC', ...spec.by.map((c) => `${sqlIdent(c)} NULLS LAST`)].join(', ');
  return { sql: `SELECT ${select}\nFROM ${source.from} ${where}\n${groupBy}\nORDER BY ${order}`, params: params.values };
}
