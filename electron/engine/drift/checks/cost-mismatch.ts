import { costMismatch, type SpendDayRow, type SpendRow } from '../../../../shared/drift/checks/cost-mismatch';
import { sliceValue } from '../../../../shared/drift/sql-fragments';
import type { CheckOutcome } from '../../../../shared/drift/types';
import { DAY_MS, windowBefore } from '../../../../shared/drift/windows';
import { type DriftContext, DriftParams } from '../context';
import { COMPUTED_COST, pricesRelation } from '../prices-sql';

/**
 * Successful calls with logged cost and tokens, priced by model_resolved (else model_requested).
 * Failed calls are left out: providers do not bill them, so loggers log no cost for them.
 */
function priced(ctx: DriftContext, p: DriftParams): string {
  const w = windowBefore(ctx.asOf, ctx.rules.cost_mismatch.window_days * DAY_MS);
  return `
    WITH prices AS (SELECT * FROM ${pricesRelation(ctx.prices, p)}),
    c AS (
      SELECT c.ts, c.cost_usd, c.tokens_in, c.tokens_out, c.cached_tokens, coalesce(c.model_resolved, c.model_requested) AS model_name, c.prompt_version,
        coalesce(r.model, q.model) AS price_model, coalesce(r.input, q.input) AS input, coalesce(r.output, q.output) AS output,
        coalesce(r.cached_input, q.cached_input) AS cached_input
      FROM calls c LEFT JOIN prices r ON r.model = c.model_resolved LEFT JOIN prices q ON q.model = c.model_requested
      WHERE c.ts >= ${p.time(w.from)} AND c.ts < ${p.time(w.to)} AND c.error_class IS NULL AND c.cost_usd IS NOT NULL AND c.tokens_in IS NOT NULL)
    SELECT ${sliceValue('model_name')} AS model, ${sliceValue('prompt_version')} AS prompt_version, cost_usd AS logged,
      price_model IS NOT NULL AS known, CASE WHEN price_model IS NOT NULL THEN ${COMPUTED_COST} END AS computed,
      ${p.bucket(ctx.asOf, DAY_MS)} AS day
    FROM c`;
}

interface SpendSetRow extends Record<string, unknown> {
  readonly model: string;
  readonly prompt_version: string;
  readonly day: string | null;
  readonly whole: boolean;
  readonly calls: number;
  readonly logged: number;
  readonly computed: number | null;
  readonly known_calls: number;
  readonly known_logged: number | null;
  readonly known_computed: number | null;
}

/**
 * Spend per model and prompt_version over the window (computed only when every call's model is priced)
 * and per day over the priced calls (the alert's chart), in one scan.
 */
async function spend(ctx: DriftContext): Promise<{ rows: SpendRow[]; days: SpendDayRow[] }> {
  const p = new DriftParams();
  const sql = `
    SELECT model, prompt_version, day, grouping(day) = 1 AS whole, count(*) AS calls, sum(logged) AS logged,
      CASE WHEN bool_and(known) THEN sum(computed) END AS computed,
      count(*) FILTER (known) AS known_calls, sum(logged) FILTER (known) AS known_logged, sum(computed) FILTER (known) AS known_computed
    FROM (${priced(ctx, p)}) GROUP BY GROUPING SETS ((model, prompt_version), (model, prompt_version, day))
    ORDER BY model, prompt_version, day NULLS FIRST`;
  const all = await ctx.db.all<SpendSetRow>(sql, p.values);
  return {
    rows: all.filter((r) => r.whole).map(({ model, prompt_version, calls, logged, computed }) => ({ model, prompt_version, calls, logged, computed })),
    days: all
      .filter((r) => !r.whole && r.known_calls > 0)
      .map((r) => ({ model: r.model, prompt_version: r.prompt_version, day: r.day!, logged: r.known_logged!, computed: r.known_computed! })),
  };
}

export async function runCostMismatch(ctx: DriftContext): Promise<CheckOutcome> {
  const { rows, days } = await spend(ctx);
  return costMismatch(ctx.asOf, rows, days, ctx.rules.cost_mismatch, ctx.prices.version);
}
