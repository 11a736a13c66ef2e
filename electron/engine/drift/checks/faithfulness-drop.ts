import { DAY_MS } from '../../../../shared/drift/windows';
import { faithfulnessDrop, faithfulnessWindows, type ScoreDayRow } from '../../../../shared/drift/checks/faithfulness-drop';
import { sliceValue } from '../../../../shared/drift/sql-fragments';
import { skippedCheck } from '../../../../shared/drift/outcome';
import type { CheckOutcome } from '../../../../shared/drift/types';
import { type DriftContext, DriftParams } from '../context';

/** Sums and counts of one score per slice and day: the pure check pools them (never averaging averages). */
async function scoreDays(ctx: DriftContext): Promise<ScoreDayRow[]> {
  const w = faithfulnessWindows(ctx.asOf, ctx.rules.faithfulness_drop);
  const p = new DriftParams();
  const sql = `
    WITH s AS (
      SELECT ${sliceValue('c.prompt_version')} AS pv, ${sliceValue('c.model_resolved')} AS model, s.value AS score,
        CASE WHEN c.ts >= ${p.time(w.recent.from)} THEN 'recent' ELSE 'baseline' END AS period,
        ${p.bucket(ctx.asOf, DAY_MS, 'c.ts')} AS day
      FROM scores s JOIN calls c ON c.request_id = s.request_id
      WHERE s.name = ${p.add(ctx.rules.faithfulness_drop.score_name)} AND s.value IS NOT NULL
        AND c.ts >= ${p.time(w.baseline.from)} AND c.ts < ${p.time(w.recent.to)})
    SELECT CASE WHEN grouping(pv) = 0 THEN 'prompt_version' ELSE 'model_resolved' END AS dimension,
      CASE WHEN grouping(pv) = 0 THEN pv ELSE model END AS value, period, day, sum(score) AS sum, count(*) AS count
    FROM s GROUP BY GROUPING SETS ((pv, period, day), (model, period, day))`;
  return ctx.db.all<ScoreDayRow & Record<string, unknown>>(sql, p.values);
}

export async function runFaithfulnessDrop(ctx: DriftContext): Promise<CheckOutcome> {
  const rows = await scoreDays(ctx);
  if (rows.length === 0) return skippedCheck(`no "${ctx.rules.faithfulness_drop.score_name}" scores joined to calls in the last ${2 * ctx.rules.faithfulness_drop.window_days} days`);
  return faithfulnessDrop(ctx.asOf, rows, ctx.rules.faithfulness_drop);
}
