import type { FacetCounts, FacetValues } from '../../../shared/api/methods/explore';
import { GUARDRAIL_COLUMNS, guardrailValues, type SliceFilter, whereClause } from '../../../shared/query/filter';
import { ParamList, sqlIdent } from '../../../shared/query/sql';
import type { Workspace } from '../workspace';
import { countsPerSet, GUARD_SETS, splitGuardrail } from './guardrail-index';
import { perGroupingSet, PROFILE_TOP, ranked, sliceProfile } from './slice-profile';

export interface FacetRequest {
  readonly column: string;
  readonly filter: SliceFilter;
  readonly search?: string;
  readonly limit: number;
}

/** The filter without its own values for `column`: a facet lists the alternatives to what is selected. */
function withoutColumn(filter: SliceFilter, column: string): SliceFilter {
  const where = Object.fromEntries(Object.entries(filter.where ?? {}).filter(([c]) => c !== column));
  return { ...filter, where };
}

type FacetRow = { value: string | null; count: number; distinct_values: number };
/** A row of a batch: `k` is the facet's position in the batch. */
type BatchRow = FacetRow & { k: number };

function tail(params: ParamList, request: FacetRequest): { search: string; order: string } {
  return {
    search: request.search ? `WHERE contains(lower(value), lower(${params.add(request.search)}))` : '',
    order: `SELECT value, count, count(*) OVER () AS distinct_values FROM c ORDER BY count DESC, value NULLS LAST LIMIT ${params.add(request.limit)}`,
  };
}

/**
 * A guardrail facet counted per distinct decision list (see guardrail-index.ts): the calls under the
 * filter's other conditions are counted per list, the lists are filtered and unnested, the counts summed.
 * Gives the counts of unnesting every call's decisions, without reading them call by call.
 */
async function guardrailFacet(workspace: Workspace, request: FacetRequest, values: string): Promise<FacetRow[]> {
  const params = new ParamList();
  const { calls, guardrails } = splitGuardrail(withoutColumn(request.filter, request.column));
  const counts = await countsPerSet(workspace, calls, params);
  const setsWhere = whereClause(guardrails, params);
  const { search, order } = tail(params, request);
  const sql = `WITH sets AS (SELECT s.decisions AS guardrail_decisions, counts.n FROM ${counts} JOIN ${GUARD_SETS} s USING (sig)),
    v AS (SELECT unnest(list_distinct(${values})) AS value, n FROM sets ${setsWhere}),
    c AS (SELECT value, CAST(sum(n) AS BIGINT) AS count FROM v ${search} GROUP BY value)
    ${order}`;
  return workspace.db.all<FacetRow>(sql, params.values);
}

/** Values of a facet column (already checked against the allowlist) with their call counts, largest first. */
export async function facetValues(workspace: Workspace, request: FacetRequest): Promise<FacetValues> {
  const values = guardrailValues(request.column);
  let rows: FacetRow[];
  if (values) rows = await guardrailFacet(workspace, request, values);
  else {
    const params = new ParamList();
    const where = whereClause(withoutColumn(request.filter, request.column), params);
    const { search, order } = tail(params, request);
    const sql = `WITH v AS (SELECT CAST(${sqlIdent(request.column)} AS VARCHAR) AS value FROM calls ${where}),
      c AS (SELECT value, count(*) AS count FROM v ${search} GROUP BY value)
      ${order}`;
    rows = await workspace.db.reader.all<FacetRow>(sql, params.values);
  }
  return { column: request.column, values: rows.map((r) => ({ value: r.value, count: r.count })), distinct: rows[0]?.distinct_values ?? 0 };
}

export interface FacetCountsRequest {
  readonly filter: SliceFilter;
  /** Already checked against the allowlist of facet columns. */
  readonly columns: readonly string[];
  readonly limit: number;
}

/**
 * Plain facets under one filter in one scan: GROUPING SETS counts every column's values in the same
 * pass over the calls (a facet query per column would scan them once per facet).
 */
async function plainFacets(workspace: Workspace, columns: readonly string[], filter: SliceFilter, limit: number): Promise<BatchRow[]> {
  const params = new ParamList();
  const where = whereClause(filter, params);
  const refs = columns.map(sqlIdent);
  const counts = `(SELECT ${perGroupingSet(refs, (_, k) => String(k))} AS k, ${perGroupingSet(refs, (ref) => `CAST(${ref} AS VARCHAR)`)} AS value, count(*) AS count
      FROM calls ${where} GROUP BY GROUPING SETS (${refs.map((r) => `(${r})`).join(', ')}))`;
  return workspace.db.reader.all<BatchRow>(ranked(counts, params.add(limit)), params.values);
}

/** Facet rows of `columns` (not filtered, so counted under the slice's own filter) from the slice profile. */
async function fromProfile(workspace: Workspace, columns: readonly string[], filter: SliceFilter, limit: number): Promise<BatchRow[]> {
  const profile = await sliceProfile(workspace, filter);
  return columns.flatMap((column, k) => {
    const { values, distinct } = profile.columns.get(column)!;
    return values.slice(0, limit).map((v) => ({ k, value: v.value, count: v.count, distinct_values: distinct }));
  });
}

/** The guardrail facets of a batch in one pass over the guardrail index: the calls are counted per decision list once for all of them. */
async function guardrailFacets(workspace: Workspace, columns: readonly string[], filter: SliceFilter, limit: number): Promise<BatchRow[]> {
  const params = new ParamList();
  // The calls part of the filter is the same for every guardrail facet: each drops only its own (guardrail) condition.
  const counts = await countsPerSet(workspace, splitGuardrail(filter).calls, params);
  const values = columns.map((column, k) => {
    const setsWhere = whereClause(splitGuardrail(withoutColumn(filter, column)).guardrails, params);
    return `SELECT ${k} AS k, unnest(list_distinct(${guardrailValues(column)!})) AS value, n FROM sets ${setsWhere}`;
  });
  const sql = `WITH sets AS MATERIALIZED (SELECT s.decisions AS guardrail_decisions, counts.n FROM ${counts} JOIN ${GUARD_SETS} s USING (sig)),
    v AS (${values.join(' UNION ALL ')}),
    c AS (SELECT k, value, CAST(sum(n) AS BIGINT) AS count FROM v GROUP BY k, value)
    ${ranked('c', params.add(limit))}`;
  return workspace.db.all<BatchRow>(sql, params.values);
}

const filtered = (filter: SliceFilter, column: string) => (filter.where?.[column]?.length ?? 0) > 0;

/**
 * The values and counts of several facets at once, each exactly as facetValues gives it. A facet's
 * counts leave out its own filter: the plain facets whose column is not filtered share the slice's
 * filter and one scan; each filtered one needs a scan of its own; the guardrail facets share one more.
 */
export async function facetCounts(workspace: Workspace, request: FacetCountsRequest): Promise<FacetCounts> {
  const columns = [...new Set(request.columns)];
  const guard = columns.filter((c) => GUARDRAIL_COLUMNS.includes(c));
  const plain = columns.filter((c) => !GUARDRAIL_COLUMNS.includes(c));
  const shared = plain.filter((c) => !filtered(request.filter, c));
  const batches: { columns: readonly string[]; rows: Promise<BatchRow[]> }[] = [];
  // The columns not filtered count the slice itself: the refresh's slice profile has them when it keeps enough values.
  const profiled = request.limit <= PROFILE_TOP ? shared : [];
  if (profiled.length) batches.push({ columns: profiled, rows: fromProfile(workspace, profiled, request.filter, request.limit) });
  if (shared.length > profiled.length) batches.push({ columns: shared, rows: plainFacets(workspace, shared, request.filter, request.limit) });
  for (const column of plain.filter((c) => filtered(request.filter, c))) {
    batches.push({ columns: [column], rows: plainFacets(workspace, [column], withoutColumn(request.filter, column), request.limit) });
  }
  if (guard.length) batches.push({ columns: guard, rows: guardrailFacets(workspace, guard, request.filter, request.limit) });
  const results = await Promise.all(batches.map((b) => b.rows));
  const byColumn = new Map<string, FacetValues>();
  for (const [i, batch] of batches.entries()) {
    const rows = results[i]!;
    batch.columns.forEach((column, k) => {
      const mine = rows.filter((r) => r.k === k);
      byColumn.set(column, { column, values: mine.map((r) => ({ value: r.value, count: r.count })), distinct: mine[0]?.distinct_values ?? 0 });
    });
  }
  return { facets: columns.map((column) => byColumn.get(column)!) };
}
