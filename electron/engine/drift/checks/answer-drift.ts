import { DAY_MS } from '../../../../shared/drift/windows';
import { type AnswerCountRow, answerDrift, answerDriftWindows, type CentroidRow, type EmbeddingSource, type SimilarityDayRow } from '../../../../shared/drift/checks/answer-drift';
import { NOT_BLOCKED, sliceValue } from '../../../../shared/drift/sql-fragments';
import { TEXT_EMBEDDING } from '../../../../shared/drift/text-embedding';
import { skippedCheck } from '../../../../shared/drift/outcome';
import type { CheckOutcome } from '../../../../shared/drift/types';
import { type DriftContext, DriftParams } from '../context';

const TEXTS = 'drift_answer_texts';
const VECTORS = 'drift_answer_vectors';

/**
 * Answers of the baseline and recent windows, at most `max_answers` per feature and window
 * (a deterministic sample by request id hash: a centroid needs thousands, not millions).
 */
function answers(ctx: DriftContext, p: DriftParams, source: EmbeddingSource): string {
  const rules = ctx.rules.answer_drift;
  const w = answerDriftWindows(ctx.asOf, rules);
  const present = source === 'logged' ? 'embedding IS NOT NULL AND len(embedding) > 0' : `output_preview IS NOT NULL AND trim(output_preview) <> ''`;
  return `
    SELECT request_id, ${sliceValue('feature')} AS feature, output_preview, embedding,
      CASE WHEN ts >= ${p.time(w.recent.from)} THEN 'recent' ELSE 'baseline' END AS period,
      ${p.bucket(ctx.asOf, DAY_MS)} AS day
    FROM calls
    WHERE ts >= ${p.time(w.baseline.from)} AND ts < ${p.time(w.recent.to)} AND error_class IS NULL AND ${NOT_BLOCKED} AND ${present}
    QUALIFY row_number() OVER (PARTITION BY feature, period ORDER BY hash(request_id), request_id) <= ${p.int(rules.max_answers)}`;
}

/**
 * The sampled answers as (feature, period, day, tid, n): identical answer texts share one
 * vector (tid) and count n times, so each distinct text is embedded once. Logged embeddings
 * are one vector per call.
 */
function texts(ctx: DriftContext, p: DriftParams, source: EmbeddingSource): string {
  if (source === 'logged') return `SELECT feature, period, day, row_number() OVER () AS tid, 1 AS n, embedding FROM (${answers(ctx, p, source)})`;
  return `
    SELECT feature, period, day, dense_rank() OVER (ORDER BY output_preview) AS tid, n, output_preview
    FROM (SELECT feature, period, day, output_preview, count(*) AS n FROM (${answers(ctx, p, source)}) GROUP BY ALL)`;
}

/** Each distinct answer as a unit vector, one row per non-zero dimension: (tid, dim, value). */
function vectors(source: EmbeddingSource): string {
  if (source === 'logged') {
    return `
      SELECT tid, unnest(range(1, len(embedding) + 1)) AS dim,
        unnest(embedding) / nullif(sqrt(list_inner_product(embedding, embedding)), 0) AS value
      FROM ${TEXTS}`;
  }
  return `
    WITH words AS (SELECT DISTINCT tid, list_filter(string_split_regex(lower(output_preview), '${TEXT_EMBEDDING.separator}'), lambda x: x <> '') AS ws FROM ${TEXTS}),
    grams AS (SELECT tid, unnest(list_concat(ws, list_transform(range(1, len(ws)), lambda i: ws[i] || ' ' || ws[i + 1]))) AS gram FROM words),
    counts AS (SELECT tid, CAST(hash(gram) % ${TEXT_EMBEDDING.dims} AS INTEGER) AS dim, count(*) AS n FROM grams GROUP BY ALL)
    SELECT tid, dim, n / sqrt(sum(n * n) OVER (PARTITION BY tid)) AS value FROM counts`;
}

/** Answer vectors weighted by how often each answer occurs, per feature and `key`. */
const WEIGHTED = (key: string) => `SELECT t.feature, ${key}, v.dim, sum(t.n * v.value) AS value FROM ${TEXTS} t JOIN ${VECTORS} v USING (tid) WHERE v.value IS NOT NULL GROUP BY ALL`;

async function embeddingSource(ctx: DriftContext): Promise<EmbeddingSource> {
  const p = new DriftParams();
  const w = answerDriftWindows(ctx.asOf, ctx.rules.answer_drift);
  const row = await ctx.db.one<{ n: number }>(
    `SELECT count(*) AS n FROM (SELECT 1 FROM calls WHERE embedding IS NOT NULL AND len(embedding) > 0 AND ts >= ${p.time(w.baseline.from)} AND ts < ${p.time(w.recent.to)} LIMIT 1)`,
    p.values,
  );
  return (row?.n ?? 0) > 0 ? 'logged' : 'text';
}

export async function runAnswerDrift(ctx: DriftContext): Promise<CheckOutcome> {
  const source = await embeddingSource(ctx);
  const p = new DriftParams();
  await ctx.db.exec(`CREATE OR REPLACE TEMP TABLE ${TEXTS} AS ${texts(ctx, p, source)}`, p.values);
  try {
    const counts = await ctx.db.all<AnswerCountRow & Record<string, unknown>>(`SELECT feature, period, sum(n) AS answers FROM ${TEXTS} GROUP BY ALL`);
    if (counts.length === 0) return skippedCheck(`no answers (${source === 'logged' ? 'embedding' : 'output_preview'}) in the last ${ctx.rules.answer_drift.recent_days + ctx.rules.answer_drift.baseline_days} days`);
    await ctx.db.exec(`CREATE OR REPLACE TEMP TABLE ${VECTORS} AS ${vectors(source)}`);
    const centroids = await ctx.db.all<CentroidRow & Record<string, unknown>>(WEIGHTED('t.period'));
    const days = await ctx.db.all<SimilarityDayRow & Record<string, unknown>>(`
      WITH base AS (${WEIGHTED('t.period')}),
      base_norm AS (SELECT feature, sqrt(sum(value * value)) AS norm FROM base WHERE period = 'baseline' GROUP BY ALL),
      daily AS (${WEIGHTED('t.day')}),
      daily_norm AS (SELECT feature, day, sqrt(sum(value * value)) AS norm FROM daily GROUP BY ALL),
      dots AS (SELECT d.feature, d.day, sum(d.value * b.value) AS dot FROM daily d JOIN base b ON b.feature = d.feature AND b.dim = d.dim AND b.period = 'baseline' GROUP BY ALL)
      SELECT dn.feature, dn.day, coalesce(dots.dot, 0) / nullif(dn.norm * bn.norm, 0) AS similarity
      FROM daily_norm dn JOIN base_norm bn USING (feature) LEFT JOIN dots USING (feature, day)`);
    return answerDrift(ctx.asOf, source, centroids, counts, days, ctx.rules.answer_drift);
  } finally {
    await ctx.db.exec(`DROP TABLE IF EXISTS ${TEXTS}`);
    await ctx.db.exec(`DROP TABLE IF EXISTS ${VECTORS}`);
  }
}
