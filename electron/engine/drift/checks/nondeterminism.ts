import { DAY_MS } from '../../../../shared/drift/windows';
import { nondeterminism, nondeterminismWindow, type RepeatDayRow, type RepeatRow } from '../../../../shared/drift/checks/nondeterminism';
import { NOT_BLOCKED, sliceValue } from '../../../../shared/drift/sql-fragments';
import { skippedCheck } from '../../../../shared/drift/outcome';
import type { CheckOutcome } from '../../../../shared/drift/types';
import { type DriftContext, DriftParams } from '../context';

/** Answered temperature-0 calls (errors and guardrail refusals are not answers). */
function answered(ctx: DriftContext, p: DriftParams): string {
  const w = nondeterminismWindow(ctx.asOf, ctx.rules.nondeterminism);
  return `
    SELECT ${sliceValue('feature')} AS feature, ${sliceValue('prompt_version')} AS prompt_version, messages_hash, response_hash, request_id,
      ${p.bucket(ctx.asOf, DAY_MS)} AS day
    FROM calls
    WHERE ts >= ${p.time(w.from)} AND ts < ${p.time(w.to)} AND temperature <= ${p.num(ctx.rules.nondeterminism.max_temperature)}
      AND messages_hash IS NOT NULL AND response_hash IS NOT NULL AND error_class IS NULL AND ${NOT_BLOCKED}
      AND coalesce(finish_reason, '') <> 'content_filter'`;
}

async function repeats(ctx: DriftContext): Promise<RepeatRow[]> {
  const p = new DriftParams();
  const sql = `
    WITH prompts AS (
      SELECT feature, prompt_version, messages_hash, count(*) AS n, count(DISTINCT response_hash) AS answers,
        min_by(request_id, response_hash) AS a, max_by(request_id, response_hash) AS b
      FROM (${answered(ctx, p)}) GROUP BY ALL HAVING count(*) >= 2)
    SELECT feature, prompt_version, count(*) AS repeated_prompts, count(*) FILTER (answers > 1) AS divergent_prompts,
      coalesce(sum(n) FILTER (answers > 1), 0) AS divergent_calls,
      coalesce(list({'messages_hash': messages_hash, 'a': a, 'b': b} ORDER BY n DESC, messages_hash) FILTER (answers > 1), [])[1:10] AS examples
    FROM prompts GROUP BY ALL ORDER BY feature, prompt_version`;
  return ctx.db.all<RepeatRow & Record<string, unknown>>(sql, p.values);
}

async function repeatDays(ctx: DriftContext): Promise<RepeatDayRow[]> {
  const p = new DriftParams();
  const sql = `
    WITH prompts AS (
      SELECT feature, prompt_version, day, messages_hash, count(DISTINCT response_hash) AS answers
      FROM (${answered(ctx, p)}) GROUP BY ALL HAVING count(*) >= 2)
    SELECT feature, prompt_version, day, count(*) AS repeated_prompts, count(*) FILTER (answers > 1) AS divergent_prompts
    FROM prompts GROUP BY ALL`;
  return ctx.db.all<RepeatDayRow & Record<string, unknown>>(sql, p.values);
}

export async function runNondeterminism(ctx: DriftContext): Promise<CheckOutcome> {
  const rows = await repeats(ctx);
  if (rows.length === 0) return skippedCheck(`no prompt sent twice at temperature ${ctx.rules.nondeterminism.max_temperature} or below (with messages_hash and response_hash) in the last ${ctx.rules.nondeterminism.window_days} days`);
  return nondeterminism(ctx.asOf, rows, await repeatDays(ctx), ctx.rules.nondeterminism);
}
