import { DuckDBInstance } from '@duckdb/node-api';
import { sortedCopyReady, tablePage } from '../../electron/engine/explore/table-page';
import { sliceAggregates } from '../../electron/engine/slice';
import { Workspace } from '../../electron/engine/workspace';
import { BLOCK_ACTIONS } from '../../shared/domain/guardrail';
import type { SliceFilter } from '../../shared/query/filter';
import { refreshAll } from './explore';
import { type Side, stringArg, warmMedian } from './side';

async function withWorkspace<T>(path: string, work: (workspace: Workspace) => Promise<T>): Promise<T> {
  const workspace = await Workspace.open({ path, readOnly: true });
  try {
    return await work(workspace);
  } finally {
    workspace.close();
  }
}

const BY = ['feature', 'prompt_version'];

/** TraceLens: the slice aggregates (counts, error rate, latency and cost percentiles, block rate) by feature x prompt_version. */
export const tracelensSlice: Side = (args) =>
  withWorkspace(stringArg(args, 'workspace'), async (workspace) => {
    const { ms, value } = await warmMedian(() => sliceAggregates(workspace, { by: BY }));
    return { ms, rows: value.length };
  });

const HAND_WRITTEN_SLICE = `
SELECT feature, prompt_version,
  count(*) AS requests, count(error_class) AS errors, count(error_class) / count(*) AS error_rate,
  quantile_cont(ttft_ms, 0.5), quantile_cont(ttft_ms, 0.95), quantile_cont(total_ms, 0.5), quantile_cont(total_ms, 0.95),
  quantile_cont(decode_ms, 0.95), sum(tokens_in), sum(tokens_out), sum(cost_usd),
  quantile_cont(cost_usd, 0.5), quantile_cont(cost_usd, 0.99),
  avg(CASE WHEN list_bool_or(list_transform(guardrail_decisions, lambda g: lower(g.action) IN (${BLOCK_ACTIONS.map((a) => `'${a}'`).join(', ')}))) THEN 1.0 ELSE 0.0 END)
FROM calls GROUP BY feature, prompt_version ORDER BY requests DESC`;

/** The same aggregates as SQL a DuckDB user would write by hand, on the same table, through the bare client. */
export const duckdbSlice: Side = async (args) => {
  const instance = await DuckDBInstance.create(stringArg(args, 'workspace'), { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  try {
    const { ms, value } = await warmMedian(async () => (await connection.runAndReadAll(HAND_WRITTEN_SLICE)).getRowObjectsJS());
    return { ms, rows: value.length };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
};

/** The slice an overview is opened on: one feature, its last two weeks. */
const OVERVIEW_FILTER: SliceFilter = { where: { feature: ['refund_copilot'] }, since: '2026-10-21T12:00:00Z' };

/**
 * One overview refresh of a filtered slice as the app makes it: every call the Overview's panels and the
 * facet sidebar fire when the slice changes (KPIs, the counts of every facet, every chart), all at once,
 * until the last has answered. Warm, as in an open app: the first, untimed run builds the guardrail index.
 */
export const tracelensOverview: Side = (args) =>
  withWorkspace(stringArg(args, 'workspace'), async (workspace) => {
    const { ms, value } = await warmMedian(() => refreshAll(workspace, OVERVIEW_FILTER));
    return { ms, rows: value };
  });

const PAGE_COLUMNS = ['request_id', 'ts', 'feature', 'tenant_id', 'prompt_version', 'model_resolved', 'tokens_in', 'tokens_out', 'cost_usd', 'ttft_ms', 'total_ms', 'finish_reason', 'error_class'];
const PAGE_SIZE = 200;

/**
 * A 200-row page of the calls table sorted by ts, at `offset` ('start', 'middle' = 500k or half, 'end'), as the
 * app serves it (tablePage: Arrow IPC included). Warm, as in an open app: the untimed first request of a deep
 * page is served by LIMIT/OFFSET and has the sorted copy built, the timed ones read their range from it.
 */
export const tracelensPage: Side = (args) =>
  withWorkspace(stringArg(args, 'workspace'), async (workspace) => {
    const { db } = workspace;
    const total = Number((await db.one('SELECT count(*) AS n FROM calls'))?.['n']);
    const where = stringArg(args, 'offset');
    const offset = where === 'start' ? 0 : where === 'end' ? Math.max(0, total - PAGE_SIZE) : Math.min(500_000, Math.floor(total / 2));
    const request = { filter: {}, columns: PAGE_COLUMNS, sort: [{ column: 'ts', desc: false }], offset, limit: PAGE_SIZE };
    await tablePage(workspace, request);
    await sortedCopyReady(workspace);
    const { ms, value } = await warmMedian(async () => (await tablePage(workspace, request)).arrow.byteLength);
    return { ms, rows: PAGE_SIZE, detail: { offset, arrowBytes: value } };
  });
