import type { ColumnInfo } from '../../../shared/api/methods/explore';
import { FACET_COLUMNS, SORT_COLUMNS, TABLE_COLUMNS } from '../../../shared/api/schemas';
import { CALL_COLUMNS } from '../../../shared/domain/call-columns';
import { isFilterColumn } from '../../../shared/query/filter';
import { schemaCoverage } from '../coverage';
import type { Workspace } from '../workspace';

/** What the calls table shows before the user picks columns: narrow, as pages are fetched often. */
export const DEFAULT_TABLE_COLUMNS: readonly string[] = [
  'ts', 'request_id', 'feature', 'tenant_id', 'prompt_version', 'model_resolved', 'ttft_ms', 'total_ms',
  'tokens_in', 'tokens_out', 'cost_usd', 'finish_reason', 'error_class',
];

export async function columnInfo(workspace: Workspace): Promise<ColumnInfo[]> {
  const coverage = await schemaCoverage(workspace.db);
  const info = (name: string, kind: ColumnInfo['kind'], description: string, dimension: boolean): ColumnInfo => ({
    name,
    kind,
    description,
    dimension,
    filterable: isFilterColumn(name),
    sortable: SORT_COLUMNS.includes(name),
    facet: FACET_COLUMNS.includes(name),
    defaultVisible: DEFAULT_TABLE_COLUMNS.includes(name),
    coverage: coverage[name] ?? 1,
  });
  return [
    ...CALL_COLUMNS.filter((c) => TABLE_COLUMNS.includes(c.name)).map((c) => info(c.name, c.kind, c.description, c.dimension === true)),
    info('source_uri', 'system', 'The file the call was loaded from.', false),
  ];
}
