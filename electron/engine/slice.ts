import { whereClause } from '../../shared/query/filter';
import { aggregatesSql, SLICE_MEASURES, type SliceGroup, type SliceSpec, sliceQuery } from '../../shared/query/slice';
import { ParamList } from '../../shared/query/sql';
import { CALLS_WITH_GUARDS, guardrailIndex } from './explore/guardrail-index';
import type { Workspace } from './workspace';

export interface SliceOptions {
  /**
   * Answer the block rate from the guardrail index (built once per workspace, then reused): what the
   * app does, as it asks again at every click. A one-off command reads the decisions directly.
   */
  readonly indexed?: boolean;
}

export async function sliceAggregates(workspace: Workspace, spec: SliceSpec, options: SliceOptions = {}): Promise<SliceGroup[]> {
  if (options.indexed && spec.by.length === 0) return totals(workspace, spec);
  const { sql, params } = sliceQuery(spec);
  return workspace.db.all<SliceGroup>(sql, params);
}

/**
 * The slice's totals, the block rate from the guardrail index in a query of its own: read beside the
 * index (POSITIONAL JOIN), the calls are scanned without the filter pushed into the scan, which costs
 * the percentiles more than the join saves.
 */
async function totals(workspace: Workspace, spec: SliceSpec): Promise<SliceGroup[]> {
  await guardrailIndex(workspace);
  const params = new ParamList();
  const where = whereClause(spec, params);
  const measures = SLICE_MEASURES.filter((m) => m !== 'block_rate');
  const [row, block] = await Promise.all([
    workspace.db.reader.one<SliceGroup>(`SELECT ${aggregatesSql(measures)} FROM calls ${where}`, params.values),
    workspace.db.one<{ block_rate: number | null }>(`SELECT avg(CASE WHEN blocked THEN 1.0 ELSE 0.0 END) AS block_rate FROM ${CALLS_WITH_GUARDS} ${where}`, params.values),
  ]);
  return row ? [{ ...row, block_rate: block?.block_rate ?? null } as SliceGroup] : [];
}
