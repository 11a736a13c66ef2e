import { type SliceGroup, type SliceSpec, sliceQuery } from '../../shared/query/slice';
import type { Workspace } from './workspace';

export async function sliceAggregates(workspace: Workspace, spec: SliceSpec): Promise<SliceGroup[]> {
  const { sql, params } = sliceQuery(spec);
  return workspace.db.all<SliceGroup>(sql, params);
}
