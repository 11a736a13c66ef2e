import type { FacetValues } from '../../../shared/api/methods/explore';
import { type SliceFilter, whereClause } from '../../../shared/query/filter';
import { ParamList, sqlIdent } from '../../../shared/query/sql';
import type { Workspace } from '../workspace';
import { CALLS_WITH_GUARDS, GUARD_SETS, guardrailIndex } from './guardrail-index';

const GUARDRAIL_FIELDS: Readonly<Record<string, string>> = { guardrail_action: 'action', guardrail_dimension: 'dimension' };

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

/** The filter split into what applies to a call's columns and what applies to its guardrail decisions. */
function splitGuardrail(filter: SliceFilter): { calls: SliceFilter; guardrails: SliceFilter } {
  const entries = Object.entries(filter.where ?? {});
  return {
    calls: { ...filter, where: Object.fromEntries(entries.filter(([c]) => !(c in GUARDRAIL_FIELDS))) },
    guardrails: { where: Object.fromEntries(entries.filter(([c]) => c in GUARDRAIL_FIELDS)) },
  };
}

type FacetRow = { value: string | null; count: number; distinct_values: number };

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
async function guardrailFacet(workspace: Workspace, request: FacetRequest, field: string): Promise<FacetRow[]> {
  await guardrailIndex(workspace);
  const params = new ParamList();
  const { calls, guardrails } = splitGuardrail(withoutColumn(request.filter, request.column));
  const where = whereClause(calls, params);
  const setsWhere = whereClause(guardrails, params);
  const { search, order } = tail(params, request);
  const sql = `WITH counts AS (SELECT sig, count(*) AS n FROM ${CALLS_WITH_GUARDS} ${where} GROUP BY sig),
    sets AS (SELECT s.decisions AS guardrail_decisions, counts.n FROM counts JOIN ${GUARD_SETS} s USING (sig)),
    v AS (SELECT unnest(list_distinct(list_transform(guardrail_decisions, lambda g: lower(g.${field})))) AS value, n FROM sets ${setsWhere}),
    c AS (SELECT value, CAST(sum(n) AS BIGINT) AS count FROM v ${search} GROUP BY value)
    ${order}`;
  return workspace.db.all<FacetRow>(sql, params.values);
}

/** Values of a facet column (already checked against the allowlist) with their call counts, largest first. */
export async function facetValues(workspace: Workspace, request: FacetRequest): Promise<FacetValues> {
  const field = GUARDRAIL_FIELDS[request.column];
  let rows: FacetRow[];
  if (field) rows = await guardrailFacet(workspace, request, field);
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
