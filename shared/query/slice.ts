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

/** The aggregates behind every slice: the KPIs of the guide's core SLIs. */
export const SLICE_AGGREGATES = `
  CAST(count(*) AS BIGINT) AS requests,
  CAST(count(error_class) AS BIGINT) AS errors,
  count(error_class) / count(*) AS error_rate,
  quantile_cont(ttft_ms, 0.5) AS ttft_p50_ms,
  quantile_cont(ttft_ms, 0.95) AS ttft_p95_ms,
  quantile_cont(total_ms, 0.5) AS total_p50_ms,
  quantile_cont(total_ms, 0.95) AS total_p95_ms,
  quantile_cont(decode_ms, 0.95) AS decode_p95_ms,
  CAST(coalesce(sum(tokens_in), 0) AS BIGINT) AS tokens_in,
  CAST(coalesce(sum(tokens_out), 0) AS BIGINT) AS tokens_out,
  coalesce(sum(cost_usd), 0) AS cost_usd,
  quantile_cont(cost_usd, 0.5) AS cost_per_request_p50,
  quantile_cont(cost_usd, 0.99) AS cost_per_request_p99,
  avg(CASE WHEN ${IS_BLOCKED} THEN 1.0 ELSE 0.0 END) AS block_rate`;

function groupExpr(column: string): string {
  if (TIME_GROUPS[column]) return TIME_GROUPS[column]!;
  if (!DIMENSIONS.includes(column)) throw new UnknownColumnError(column, GROUP_COLUMNS);
  return sqlIdent(column);
}

/** Slice aggregates grouped by `by`, largest groups first. */
export function sliceQuery(spec: SliceSpec): SqlQuery {
  const params = new ParamList();
  const where = whereClause(spec, params);
  const groups = spec.by.map((c) => `${groupExpr(c)} AS ${sqlIdent(c)}`);
  const select = [...groups, SLICE_AGGREGATES].join(',\n  ');
  const groupBy = spec.by.length ? `GROUP BY ${spec.by.map((_, i) => i + 1).join(', ')}` : '';
  const order = ['requests DESC', ...spec.by.map((c) => `${sqlIdent(c)} NULLS LAST`)].join(', ');
  return { sql: `SELECT ${select}\nFROM calls ${where}\n${groupBy}\nORDER BY ${order}`, params: params.values };
}
