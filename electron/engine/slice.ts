import { whereClause } from '../../shared/query/filter';
import { aggregatesSql, measuresWith, PERCENTILE_MEASURES, type PercentileMeasure, type SliceGroup, type SliceSpec, sliceQuery } from '../../shared/query/slice';
import { ParamList } from '../../shared/query/sql';
import { countsPerSet, GUARD_SETS, splitGuardrail } from './explore/guardrail-index';
import type { Workspace } from './workspace';

export interface SliceOptions {
  /**
   * Answer the block rate from the guardrail index (built once per workspace, then reused): what the
   * app does, as it asks again at every click. A one-off command reads the decisions directly.
   */
  readonly indexed?: boolean;
  /** Only these percentiles (each a sort of its column over the slice); the others come back null. All by default. */
  readonly percentiles?: readonly PercentileMeasure[];
}

/** The percentiles not computed, as null: every group keeps the shape of `tracelens slice --json`. */
function withNulls(groups: SliceGroup[], percentiles?: readonly PercentileMeasure[]): SliceGroup[] {
  if (!percentiles) return groups;
  const skipped = Object.fromEntries(PERCENTILE_MEASURES.filter((m) => !percentiles.includes(m)).map((m) => [m, null]));
  return groups.map((g) => ({ ...g, ...skipped }) as SliceGroup);
}

export async function sliceAggregates(workspace: Workspace, spec: SliceSpec, options: SliceOptions = {}): Promise<SliceGroup[]> {
  if (options.indexed && spec.by.length === 0) return withNulls(await totals(workspace, spec, options.percentiles), options.percentiles);
  const { sql, params } = sliceQuery(spec, undefined, measuresWith(options.percentiles));
  return withNulls(await workspace.db.all<SliceGroup>(sql, params), options.percentiles);
}

/**
 * The slice's totals, the block rate from the guardrail index: the slice's calls counted per decision
 * list (a pass the guardrail facets and the block chart of the same refresh share), then the blocked
 * share of them, k / n as the average of a 0/1 column gives it.
 */
async function totals(workspace: Workspace, spec: SliceSpec, percentiles?: readonly PercentileMeasure[]): Promise<SliceGroup[]> {
  const params = new ParamList();
  const where = whereClause(spec, params);
  const measures = measuresWith(percentiles).filter((m) => m !== 'block_rate');
  const blockRate = async () => {
    const blockParams = new ParamList();
    const { calls, guardrails } = splitGuardrail(spec);
    const counts = await countsPerSet(workspace, calls, blockParams);
    const setsWhere = whereClause(guardrails, blockParams);
    return workspace.db.one<{ block_rate: number | null }>(
      `SELECT CAST(coalesce(sum(n) FILTER (WHERE blocked), 0) AS DOUBLE) / CAST(sum(n) AS DOUBLE) AS block_rate
       FROM (SELECT s.decisions AS guardrail_decisions, s.blocked, counts.n FROM ${counts} JOIN ${GUARD_SETS} s USING (sig)) ${setsWhere}`,
      blockParams.values,
    );
  };
  const [row, block] = await Promise.all([workspace.db.reader.one<SliceGroup>(`SELECT ${aggregatesSql(measures)} FROM calls ${where}`, params.values), blockRate()]);
  return row ? [{ ...row, block_rate: block?.block_rate ?? null } as SliceGroup] : [];
}
