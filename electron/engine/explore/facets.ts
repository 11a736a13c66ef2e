import type { FacetValues } from '../../../shared/api/methods/explore';
import { type SliceFilter, whereClause } from '../../../shared/query/filter';
import { ParamList, sqlIdent } from '../../../shared/query/sql';
import type { Workspace } from '../workspace';

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

/** Values of a facet column (already checked against the allowlist) with their call counts, largest first. */
export async function facetValues(workspace: Workspace, request: FacetRequest): Promise<FacetValues> {
  const params = new ParamList();
  const where = whereClause(withoutColumn(request.filter, request.column), params);
  const field = GUARDRAIL_FIELDS[request.column];
  const value = field ? `unnest(list_distinct(list_transform(guardrail_decisions, lambda g: lower(g.${field}))))` : `CAST(${sqlIdent(request.column)} AS VARCHAR)`;
  const search = request.search ? `WHERE contains(lower(value), lower(${params.add(request.search)}))` : '';
  const sql = `WITH v AS (SELECT ${value} AS value FROM calls ${where}),
    c AS (SELECT value, count(*) AS count FROM v ${search} GROUP BY value)
    SELECT value, count, count(*) OVER () AS distinct_values FROM c ORDER BY count DESC, value NULLS LAST LIMIT ${params.add(request.limit)}`;
  const rows = await workspace.db.all<{ value: string | null; count: number; distinct_values: number }>(sql, params.values);
  return { column: request.column, values: rows.map((r) => ({ value: r.value, count: r.count })), distinct: rows[0]?.distinct_values ?? 0 };
}
