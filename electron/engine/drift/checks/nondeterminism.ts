import { DAY_MS } from '../../../../shared/drift/windows';
import { type DivergentPair, nondeterminism, nondeterminismWindow, type RepeatDayRow, type RepeatRow } from '../../../../shared/drift/checks/nondeterminism';
import { sliceValue } from '../../../../shared/drift/sql-fragments';
import { skippedCheck } from '../../../../shared/drift/outcome';
import type { CheckOutcome } from '../../../../shared/drift/types';
import { type DriftContext, DriftParams } from '../context';

/** Examples (divergent prompts) an alert shows per feature and prompt_version. */
const MAX_EXAMPLES = 10;

/** Answered temperature-0 calls (errors and guardrail refusals are not answers; blocked calls come from the shared scan). */
function answered(ctx: DriftContext, p: DriftParams, blocked: string): string {
  const w = nondeterminismWindow(ctx.asOf, ctx.rules.nondeterminism);
  return `
    SELECT ${sliceValue('feature')} AS feature, ${sliceValue('prompt_version')} AS prompt_version, messages_hash, response_hash, request_id, ts
    FROM calls
    WHERE ts >= ${p.time(w.from)} AND ts < ${p.time(w.to)} AND temperature <= ${p.num(ctx.rules.nondeterminism.max_temperature)}
      AND messages_hash IS NOT NULL AND response_hash IS NOT NULL AND error_class IS NULL AND rowid NOT IN (SELECT rid FROM ${blocked})
      AND coalesce(finish_reason, '') <> 'content_filter'`;
}

interface PromptSetRow extends Record<string, unknown> {
  readonly feature: string;
  readonly prompt_version: string;
  readonly day: string | null;
  readonly whole: boolean;
  readonly repeated_prompts: number;
  readonly divergent_prompts: number;
  readonly divergent_calls: number;
  readonly examples: string[];
}

/**
 * Repeated prompts per feature and prompt_version, over the window and per day, in one scan.
 * A prompt diverges when its smallest and largest response_hash differ; both roll up from days to the
 * window, so the calls are grouped once, by (integer) day.
 */
async function repeats(ctx: DriftContext, blocked: string): Promise<PromptSetRow[]> {
  const p = new DriftParams();
  const sql = `
    WITH daily AS MATERIALIZED (
      SELECT feature, prompt_version, ${p.bucketIndex(ctx.asOf, DAY_MS)} AS k, messages_hash, count(*) AS n,
        min(response_hash) AS lo, max(response_hash) AS hi
      FROM (${answered(ctx, p, blocked)}) GROUP BY ALL),
    prompts AS (
      SELECT feature, prompt_version, k, false AS whole, n, messages_hash, lo, hi FROM daily WHERE n >= 2
      UNION ALL
      SELECT feature, prompt_version, NULL AS k, true AS whole, CAST(sum(n) AS BIGINT) AS n, messages_hash, min(lo) AS lo, max(hi) AS hi
      FROM daily GROUP BY feature, prompt_version, messages_hash HAVING sum(n) >= 2)
    SELECT feature, prompt_version, ${p.bucketStart(ctx.asOf, DAY_MS, 'k')} AS day, whole,
      count(*) AS repeated_prompts, count(*) FILTER (lo <> hi) AS divergent_prompts, coalesce(sum(n) FILTER (lo <> hi), 0) AS divergent_calls,
      coalesce(list(messages_hash ORDER BY n DESC, messages_hash) FILTER (lo <> hi), [])[1:${MAX_EXAMPLES}] AS examples
    FROM prompts GROUP BY ALL ORDER BY feature, prompt_version, day`;
  return ctx.db.all<PromptSetRow>(sql, p.values);
}

/**
 * An example pair for each example prompt: the calls with the smallest and the largest (response_hash,
 * request_id). Only the few example prompts are looked up, so the scan above stays on cheap columns.
 */
async function pairs(ctx: DriftContext, blocked: string, rows: readonly PromptSetRow[]): Promise<Map<string, DivergentPair>> {
  const hashes = [...new Set(rows.flatMap((r) => r.examples))];
  if (hashes.length === 0) return new Map();
  const p = new DriftParams();
  const sql = `
    SELECT feature, prompt_version, messages_hash, min({'h': response_hash, 'r': request_id}).r AS a, max({'h': response_hash, 'r': request_id}).r AS b
    FROM (${answered(ctx, p, blocked)}) WHERE messages_hash IN (${hashes.map((h) => p.add(h)).join(', ')})
    GROUP BY ALL`;
  const found = await ctx.db.all<{ feature: string; prompt_version: string; messages_hash: string; a: string; b: string }>(sql, p.values);
  return new Map(found.map((r) => [JSON.stringify([r.feature, r.prompt_version, r.messages_hash]), { messages_hash: r.messages_hash, a: r.a, b: r.b }]));
}

export async function runNondeterminism(ctx: DriftContext): Promise<CheckOutcome> {
  const blocked = await ctx.scans.blocked();
  const all = await repeats(ctx, blocked);
  const wholeRows = all.filter((r) => r.whole);
  if (wholeRows.length === 0) return skippedCheck(`no prompt sent twice at temperature ${ctx.rules.nondeterminism.max_temperature} or below (with messages_hash and response_hash) in the last ${ctx.rules.nondeterminism.window_days} days`);
  const found = await pairs(ctx, blocked, wholeRows);
  const rows: RepeatRow[] = wholeRows.map((r) => ({
    feature: r.feature,
    prompt_version: r.prompt_version,
    repeated_prompts: r.repeated_prompts,
    divergent_prompts: r.divergent_prompts,
    divergent_calls: r.divergent_calls,
    examples: r.examples.map((h) => found.get(JSON.stringify([r.feature, r.prompt_version, h]))!),
  }));
  const days: RepeatDayRow[] = all
    .filter((r) => !r.whole)
    .map((r) => ({ feature: r.feature, prompt_version: r.prompt_version, day: r.day!, repeated_prompts: r.repeated_prompts, divergent_prompts: r.divergent_prompts }));
  return nondeterminism(ctx.asOf, rows, days, ctx.rules.nondeterminism);
}
