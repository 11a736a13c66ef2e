import { DAY_MS } from '../../../../shared/drift/windows';
import { type AnswerCountRow, answerDrift, answerDriftWindows, type CentroidRow, type EmbeddingSource, type SimilarityDayRow } from '../../../../shared/drift/checks/answer-drift';
import { sliceValue } from '../../../../shared/drift/sql-fragments';
import { TEXT_EMBEDDING } from '../../../../shared/drift/text-embedding';
import { skippedCheck } from '../../../../shared/drift/outcome';
import { MAX_EXEMPLARS } from '../../../../shared/drift/report';
import type { CheckOutcome } from '../../../../shared/drift/types';
import { type DriftContext, DriftParams } from '../context';

/** This run's tables: the sampled answer texts and their vectors. */
interface Tables {
  readonly texts: string;
  readonly vectors: string;
}

/** Sampling keeps a little more than max_answers: some sampled calls have no answer. */
const SAMPLE_MARGIN = 1.25;
const HASH_BUCKETS = 1_000_000;

interface GroupSize {
  readonly feature: string;
  readonly period: 'recent' | 'baseline';
  readonly n: number;
}

/** Calls per feature and window, to size each one's sample (from the shared per-day scan). */
async function groupSizes(ctx: DriftContext): Promise<GroupSize[]> {
  const p = new DriftParams();
  const rules = ctx.rules.answer_drift;
  return ctx.db.all<GroupSize & Record<string, unknown>>(
    `SELECT ${sliceValue('feature')} AS feature, CASE WHEN k <= ${p.int(rules.recent_days)} THEN 'recent' ELSE 'baseline' END AS period, CAST(sum(calls) AS BIGINT) AS n
     FROM ${await ctx.scans.daily()} WHERE k <= ${p.int(rules.recent_days + rules.baseline_days)} GROUP BY ALL`,
    p.values,
  );
}

/**
 * Answers of the baseline and recent windows, about `max_answers` per feature and window: a
 * deterministic sample by request id hash (a centroid needs thousands of answers, not millions).
 * The sample is taken in the scan, on cheap columns, so answer text is only read for sampled calls.
 * Calls with an error or a content_filter finish have no answer.
 */
function answers(ctx: DriftContext, p: DriftParams, source: EmbeddingSource, sizes: readonly GroupSize[]): string {
  const rules = ctx.rules.answer_drift;
  const w = answerDriftWindows(ctx.asOf, rules);
  const recent = `ts >= ${p.time(w.recent.from)}`;
  const quota = sizes.map((g) => `WHEN ${sliceValue('feature')} = ${p.add(g.feature)} AND ${g.period === 'recent' ? '' : 'NOT '}${recent} THEN ${p.num(Math.ceil((HASH_BUCKETS * rules.max_answers * SAMPLE_MARGIN) / g.n))}`);
  const present = source === 'logged' ? 'embedding IS NOT NULL AND len(embedding) > 0' : `output_preview IS NOT NULL AND trim(output_preview) <> ''`;
  return `
    WITH sampled AS MATERIALIZED (
      SELECT request_id, ${sliceValue('feature')} AS feature, CASE WHEN ${recent} THEN 'recent' ELSE 'baseline' END AS period,
        ${p.bucket(ctx.asOf, DAY_MS)} AS day, output_preview, embedding
      FROM calls
      WHERE ts >= ${p.time(w.baseline.from)} AND ts < ${p.time(w.recent.to)}
        AND hash(request_id) % ${HASH_BUCKETS} < CASE ${quota.join(' ')} ELSE 0 END
        AND error_class IS NULL AND coalesce(finish_reason, '') <> 'content_filter')
    SELECT request_id, feature, period, day, output_preview, embedding FROM sampled WHERE ${present}`;
}

/**
 * The sampled answers as (feature, period, day, tid, n): identical answer texts share one
 * vector (tid) and count n times, so each distinct text is embedded once. Logged embeddings
 * are one vector per call.
 */
function texts(ctx: DriftContext, p: DriftParams, source: EmbeddingSource, sizes: readonly GroupSize[]): string {
  if (source === 'logged') return `SELECT feature, period, day, row_number() OVER () AS tid, 1 AS n, [request_id] AS requests, embedding FROM (${answers(ctx, p, source, sizes)})`;
  return `
    SELECT feature, period, day, dense_rank() OVER (ORDER BY output_preview) AS tid, n, requests, output_preview
    FROM (
      SELECT feature, period, day, output_preview, count(*) AS n, list(request_id ORDER BY request_id)[1:${MAX_EXEMPLARS}] AS requests
      FROM (${answers(ctx, p, source, sizes)}) GROUP BY ALL)`;
}

/** Each distinct answer as a unit vector, one row per non-zero dimension: (tid, dim, value). */
function vectors(source: EmbeddingSource, t: Tables): string {
  if (source === 'logged') {
    return `
      SELECT tid, unnest(range(1, len(embedding) + 1)) AS dim,
        unnest(embedding) / nullif(sqrt(list_inner_product(embedding, embedding)), 0) AS value
      FROM ${t.texts}`;
  }
  return `
    WITH words AS (SELECT DISTINCT tid, list_filter(string_split_regex(lower(output_preview), '${TEXT_EMBEDDING.separator}'), lambda x: x <> '') AS ws FROM ${t.texts}),
    grams AS (SELECT tid, unnest(list_concat(ws, list_transform(range(1, len(ws)), lambda i: ws[i] || ' ' || ws[i + 1]))) AS gram FROM words),
    counts AS (SELECT tid, CAST(hash(gram) % ${TEXT_EMBEDDING.dims} AS INTEGER) AS dim, count(*) AS n FROM grams GROUP BY ALL)
    SELECT tid, dim, n / sqrt(sum(n * n) OVER (PARTITION BY tid)) AS value FROM counts`;
}

/** Answer vectors weighted by how often each answer occurs, per feature and `key`. */
const WEIGHTED = (key: string, t: Tables) => `SELECT t.feature, ${key}, v.dim, sum(t.n * v.value) AS value FROM ${t.texts} t JOIN ${t.vectors} v USING (tid) WHERE v.value IS NOT NULL GROUP BY ALL`;

async function embeddingSource(ctx: DriftContext): Promise<EmbeddingSource> {
  const p = new DriftParams();
  const w = answerDriftWindows(ctx.asOf, ctx.rules.answer_drift);
  const row = await ctx.db.one<{ n: number }>(
    `SELECT count(*) AS n FROM (SELECT 1 FROM calls WHERE embedding IS NOT NULL AND len(embedding) > 0 AND ts >= ${p.time(w.baseline.from)} AND ts < ${p.time(w.recent.to)} LIMIT 1)`,
    p.values,
  );
  return (row?.n ?? 0) > 0 ? 'logged' : 'text';
}

/** Per feature, recent answers least like the baseline centroid first: the exemplars of a drift alert. */
async function farthestAnswers(ctx: DriftContext, t: Tables): Promise<Map<string, string[]>> {
  const rows = await ctx.db.all<{ feature: string; exemplars: string[] }>(`
    WITH base AS (${WEIGHTED('t.period', t)}),
    recent AS (SELECT feature, tid, flatten(list(requests ORDER BY day)) AS requests FROM ${t.texts} WHERE period = 'recent' GROUP BY ALL),
    sims AS (
      SELECT r.feature, r.tid, any_value(r.requests) AS requests, coalesce(sum(v.value * b.value), 0) AS dot
      FROM recent r JOIN ${t.vectors} v USING (tid) LEFT JOIN base b ON b.feature = r.feature AND b.dim = v.dim AND b.period = 'baseline'
      GROUP BY ALL)
    -- rounded: float sums in parallel differ in the last bits, and the order must not
    SELECT feature, flatten(list(requests ORDER BY round(dot, 9), tid))[1:${MAX_EXEMPLARS}] AS exemplars FROM sims GROUP BY ALL`);
  return new Map(rows.map((r) => [r.feature, r.exemplars]));
}

export async function runAnswerDrift(ctx: DriftContext): Promise<CheckOutcome> {
  const source = await embeddingSource(ctx);
  const sizes = await groupSizes(ctx);
  if (sizes.length === 0) return skippedCheck(`no calls in the last ${ctx.rules.answer_drift.recent_days + ctx.rules.answer_drift.baseline_days} days`);
  const p = new DriftParams();
  const t: Tables = { texts: ctx.scans.tempName('drift_answer_texts'), vectors: ctx.scans.tempName('drift_answer_vectors') };
  await ctx.db.exec(`CREATE OR REPLACE TEMP TABLE ${t.texts} AS ${texts(ctx, p, source, sizes)}`, p.values);
  try {
    const counts = await ctx.db.all<AnswerCountRow & Record<string, unknown>>(`SELECT feature, period, sum(n) AS answers FROM ${t.texts} GROUP BY ALL`);
    if (counts.length === 0) return skippedCheck(`no answers (${source === 'logged' ? 'embedding' : 'output_preview'}) in the last ${ctx.rules.answer_drift.recent_days + ctx.rules.answer_drift.baseline_days} days`);
    await ctx.db.exec(`CREATE OR REPLACE TEMP TABLE ${t.vectors} AS ${vectors(source, t)}`);
    const centroids = await ctx.db.all<CentroidRow & Record<string, unknown>>(WEIGHTED('t.period', t));
    const days = await ctx.db.all<SimilarityDayRow & Record<string, unknown>>(`
      WITH base AS (${WEIGHTED('t.period', t)}),
      base_norm AS (SELECT feature, sqrt(sum(value * value)) AS norm FROM base WHERE period = 'baseline' GROUP BY ALL),
      daily AS (${WEIGHTED('t.day', t)}),
      daily_norm AS (SELECT feature, day, sqrt(sum(value * value)) AS norm FROM daily GROUP BY ALL),
      dots AS (SELECT d.feature, d.day, sum(d.value * b.value) AS dot FROM daily d JOIN base b ON b.feature = d.feature AND b.dim = d.dim AND b.period = 'baseline' GROUP BY ALL)
      SELECT dn.feature, dn.day, coalesce(dots.dot, 0) / nullif(dn.norm * bn.norm, 0) AS similarity
      FROM daily_norm dn JOIN base_norm bn USING (feature) LEFT JOIN dots USING (feature, day)`);
    return answerDrift(ctx.asOf, source, { centroids, counts, days, exemplars: await farthestAnswers(ctx, t) }, ctx.rules.answer_drift);
  } finally {
    await ctx.db.exec(`DROP TABLE IF EXISTS ${t.texts}`);
    await ctx.db.exec(`DROP TABLE IF EXISTS ${t.vectors}`);
  }
}
