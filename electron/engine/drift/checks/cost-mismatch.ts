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

async function spend(ctx: DriftContext): Promise<SpendRow[]> {
  const p = new DriftParams();
  const sql = `
    SELECT model, prompt_version, count(*) AS calls, sum(logged) AS logged, CASE WHEN bool_and(known) THEN sum(computed) END AS computed
    FROM (${priced(ctx, p)}) GROUP BY ALL ORDER BY model, prompt_version`;
  return ctx.db.all<SpendRow & Record<string, unknown>>(sql, p.values);
}

async function spendDays(ctx: DriftContext): Promise<SpendDayRow[]> {
  const p = new DriftParams();
  const sql = `SELECT model, prompt_version, day, sum(logged) AS logged, sum(computed) AS computed FROM (${priced(ctx, p)}) WHERE known GROUP BY ALL`;
  return ctx.db.all<SpendDayRow & Record<string, unknown>>(sql, p.values);
}

export async function runCostMismatch(ctx: DriftContext): Promise<CheckOutcome> {
  return costMismatch(ctx.asOf, await spend(ctx), await spendDays(ctx), ctx.rules.cost_mismatch, ctx.prices.version);
}
