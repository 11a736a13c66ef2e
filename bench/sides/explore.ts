import { KPI_PERCENTILES } from '../../shared/query/slice';
import { facetCounts, facetValues } from '../../electron/engine/explore/facets';
import { latencyHistogram } from '../../electron/engine/explore/latency-histogram';
import { scatterSample } from '../../electron/engine/explore/scatter-sample';
import { scoreTrend } from '../../electron/engine/explore/score-trend';
import { timeSeries } from '../../electron/engine/explore/time-series';
import { sliceAggregates } from '../../electron/engine/slice';
import type { Workspace } from '../../electron/engine/workspace';
import { BLOCK_ACTIONS } from '../../shared/domain/guardrail';
import type { SliceFilter } from '../../shared/query/filter';

/** The facet sidebar's columns (renderer/src/views/facets/facet-columns.ts). */
const SIDEBAR = ['feature', 'tenant_id', 'prompt_version', 'model_requested', 'model_resolved', 'provider', 'error_class', 'finish_reason', 'guardrail_action', 'guardrail_dimension'];

export type Job = readonly [name: string, run: () => Promise<unknown>];

/**
 * The engine calls one facet click makes, as the Overview's panels and the facet sidebar ask for them
 * (renderer/src/views/overview/*.tsx, views/facets/FacetsSidebar.tsx): keep in step with the renderer.
 */
export function refreshJobs(workspace: Workspace, filter: SliceFilter): Job[] {
  const blocked: SliceFilter = { ...filter, where: { ...filter.where, guardrail_action: [...BLOCK_ACTIONS] } };
  return [
    ['facets', () => facetCounts(workspace, { columns: SIDEBAR, filter, limit: 8 })],
    ['kpis', () => sliceAggregates(workspace, { ...filter, by: [] }, { indexed: true, percentiles: KPI_PERCENTILES })],
    ['series overall', () => timeSeries(workspace, { filter, buckets: 120, top: 8, measures: ['total_p95_ms', 'decode_p95_ms', 'cost_per_request_p50', 'cost_per_request_p99'] })],
    ['series ttft by model', () => timeSeries(workspace, { filter, buckets: 120, by: 'model_resolved', top: 6, measures: ['ttft_p50_ms', 'ttft_p95_ms'] })],
    ['series cost by tenant', () => timeSeries(workspace, { filter, buckets: 60, by: 'tenant_id', top: 10, measures: ['cost_usd'] })],
    ['series errors by class', () => timeSeries(workspace, { filter, buckets: 120, by: 'error_class', top: 9, measures: ['requests'] })],
    ['ttft histogram', () => latencyHistogram(workspace, { filter, column: 'ttft_ms', start: 50 })],
    ['decode scatter', () => scatterSample(workspace, filter, 1500)],
    ['score trend', () => scoreTrend(workspace, filter)],
    ['block chart', () => facetValues(workspace, { column: 'guardrail_dimension', filter: blocked, limit: 12 })],
  ];
}

/** Every panel's call at once, as the panels fire them when the slice changes; resolves when the last one has. */
export async function refreshAll(workspace: Workspace, filter: SliceFilter): Promise<number> {
  const results = await Promise.all(refreshJobs(workspace, filter).map(([, run]) => run()));
  return results.length;
}
