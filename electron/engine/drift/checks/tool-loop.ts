import { type LoopHourRow, type LoopRow, toolLoop } from '../../../../shared/drift/checks/tool-loop';
import { sliceValue } from '../../../../shared/drift/sql-fragments';
import { skippedCheck } from '../../../../shared/drift/outcome';
import type { CheckOutcome } from '../../../../shared/drift/types';
import { HOUR_MS } from '../../../../shared/drift/windows';
import { type DriftContext, DriftParams } from '../context';

/** Calls with tool calls in the window, each with its longest run of one (tool, args) and whether it ran away. */
export function toolCallsSql(ctx: DriftContext, p: DriftParams): string {
  const rules = ctx.rules.tool_loop;
  const maxRepeats = p.int(rules.max_repeats);
  return `
    WITH c AS (
      SELECT ${sliceValue('feature')} AS feature, ${sliceValue('tenant_id')} AS tenant_id, request_id, coalesce(cost_usd, 0) AS cost, ts,
        len(tool_calls) AS n, tool_calls[1].name AS first_tool,
        list_transform(tool_calls, lambda t: coalesce(t.name, '') || chr(31) || coalesce(t.args_hash, t.args, '')) AS keys
      FROM calls
      WHERE len(tool_calls) > 0 AND ts >= ${p.time(new Date(ctx.asOf.getTime() - rules.window_hours * HOUR_MS))} AND ts < ${p.time(ctx.asOf)})
    SELECT *, reps >= ${maxRepeats} OR n > ${p.int(rules.max_tool_calls)} AS runaway
    FROM (SELECT *, CASE WHEN n >= ${maxRepeats} THEN list_max(list_transform(keys, lambda k: len(list_filter(keys, lambda x: x = k)))) ELSE 1 END AS reps FROM c)`;
}

async function loops(ctx: DriftContext): Promise<LoopRow[]> {
  const p = new DriftParams();
  const sql = `
    SELECT feature, tenant_id, count(*) AS calls, count(*) FILTER (runaway) AS runaway_calls, coalesce(sum(cost) FILTER (runaway), 0) AS runaway_cost,
      coalesce(max(n) FILTER (runaway), 0) AS max_tool_calls, coalesce(max(reps) FILTER (runaway), 0) AS max_repeats, mode(first_tool) FILTER (runaway) AS top_tool
    FROM (${toolCallsSql(ctx, p)}) GROUP BY ALL ORDER BY feature, tenant_id`;
  return ctx.db.all<LoopRow & Record<string, unknown>>(sql, p.values);
}

async function loopHours(ctx: DriftContext): Promise<LoopHourRow[]> {
  const p = new DriftParams();
  const sql = `
    SELECT feature, tenant_id, ${p.bucket(ctx.asOf, HOUR_MS)} AS hour, sum(cost) AS runaway_cost
    FROM (${toolCallsSql(ctx, p)}) WHERE runaway GROUP BY ALL`;
  return ctx.db.all<LoopHourRow & Record<string, unknown>>(sql, p.values);
}

export async function runToolLoop(ctx: DriftContext): Promise<CheckOutcome> {
  const rows = await loops(ctx);
  if (rows.length === 0) return skippedCheck(`no calls with tool calls in the last ${ctx.rules.tool_loop.window_hours} h`);
  return toolLoop(ctx.asOf, rows, await loopHours(ctx), ctx.rules.tool_loop);
}
