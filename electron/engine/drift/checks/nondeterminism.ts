import { DAY_MS } from '../../../../shared/drift/windows';
import { nondeterminism, nondeterminismWindow, type RepeatDayRow, type RepeatRow } from '../../../../shared/drift/checks/nondeterminism';
import { sliceValue } from '../../../../shared/drift/sql-fragments';
import { skippedCheck } from '../../../../shared/drift/outcome';
import type { CheckOutcome } from '../../../../shared/drift/types';
import { type DriftContext, DriftParams } from '../context';

/** Answered temperature-0 calls (errors and guardrail refusals are not answers; blocked calls come from the shared scan). */
function answered(ctx: DriftContext, p: DriftParams, blocked: string): string {
  const w = nondeterminismWindow(ctx.asOf, ctx.rules.nondeterminism);
  return `
    SELECT ${sliceValue('feature')} AS feature, ${sliceValue('prompt_version')} AS prompt_version, messages_hash, response_hash, request_id,
      ${p.bucket(ctx.asOf, DAY_MS)} AS day
    FROM calls
    WHERE ts >= ${p.time(w.from)} AND ts < ${p.time(w.to)} AND temperature <= ${p.num(ctx.rules.nondeterminism.max_temperature)}
      AND messages_hash IS NOT NULL AND response_hash IS NOT NULL AND error_class IS NULL AND rowid NOT IN (SELECT rid FROM ${blocked})
      AND coalesce(finish_reason, '') <> 'content_filter'`;
}

/**
 * Repeated prompts per feature and prompt_version, over the window and per day, in one scan.
 * A prompt diverges when its smallest and largest response_hash differ; both (with the request
 * id as tie-break) roll up from days to the window, so the calls are grouped once, by day.
 */
async function repeats(ctx: DriftContext): Promise<{ rows: RepeatRow[]; days: RepeatDayRow[] }> {
  const p = new DriftParams();
  const sql = `
    WITH daily AS MATERIALIZED (
      SELECT feature, prompt_version, day, messages_hash, count(*) AS n,
        min({'h': response_hash, 'r': request_id}) AS lo, max({'h': response_hash, 'r': request_id}) AS hi
      FROM (${answered(ctx, p, await ctx.scans.blocked())}) GROUP BY ALL),
    prompts AS (
      SELECT feature, prompt_version, day, false AS whole, n, messages_hash, lo, hi FROM daily WHERE n >= 2
      UNION ALL
      SELECT feature, prompt_version, NULL AS day, true AS whole, CAST(sum(n) AS BIGINT) AS n, messages_hash, min(lo) AS lo, max(hi) AS hi
      FROM daily GROUP BY feature, prompt_version, messages_hash HAVING sum(n) >= 2)
    SELECT feature, prompt_version, day, whole, count(*) AS repeated_prompts, count(*) FILTER (lo.h <> hi.h) AS divergent_prompts,
      coalesce(sum(n) FILTER (lo.h <> hi.h), 0) AS divergent_calls,
      coalesce(list({'messages_hash': messages_hash, 'a': lo.r, 'b': hi.r} ORDER BY n DESC, messages_hash) FILTER (lo.h <> hi.h), [])[1:10] AS examples
    FROM prompts GROUP BY ALL ORDER BY feature, prompt_version, day`;
  const all = await ctx.db.all<RepeatRow & RepeatDayRow & { whole: boolean } & Record<string, unknown>>(sql, p.values);
  return { rows: all.filter((r) => r.whole), days: all.filter((r) => !r.whole) };
}

export async function runNondeterminism(ctx: DriftContext): Promise<CheckOutcome> {
  const { rows, days } = await repeats(ctx);
  if (rows.length === 0) return skippedCheck(`no prompt sent twice at temperature ${ctx.rules.nondeterminism.max_temperature} or below (with messages_hash and response_hash) in the last ${ctx.rules.nondeterminism.window_days} days`);
  return nondeterminism(ctx.asOf, rows, days, ctx.rules.nondeterminism);
}
