import type { AlertDraft, CheckOutcome, SkippedSlice } from '../types';
import type { RulesOf } from '../rules';
import { boundSeries, outcome, skip, sliceLabel } from '../outcome';
import { cosine, round } from '../stats';
import { DAY_MS, windowBefore } from '../windows';
import { TEXT_EMBEDDING } from '../text-embedding';

/** One dimension of the summed unit-length answer vectors of a feature in a window. */
export interface CentroidRow {
  readonly feature: string;
  readonly period: 'recent' | 'baseline';
  readonly dim: number;
  readonly value: number;
}

export interface AnswerCountRow {
  readonly feature: string;
  readonly period: 'recent' | 'baseline';
  readonly answers: number;
}

/** Similarity of one day's answer centroid to the baseline centroid. */
export interface SimilarityDayRow {
  readonly feature: string;
  readonly day: string;
  readonly similarity: number;
}

/** Where the answer vectors come from: the dump's `embedding` column, or the local text embedding of output_preview. */
export type EmbeddingSource = 'logged' | 'text';

export function answerDriftWindows(asOf: Date, rules: RulesOf<'answer_drift'>) {
  return { recent: windowBefore(asOf, rules.recent_days * DAY_MS), baseline: windowBefore(asOf, rules.baseline_days * DAY_MS, rules.recent_days * DAY_MS) };
}

export function embeddingLabel(source: EmbeddingSource): string {
  return source === 'logged' ? 'the logged answer embeddings' : `a local text embedding of output_preview (${TEXT_EMBEDDING.description})`;
}

/** answer_drift: cosine similarity of the recent answer centroid to the baseline centroid, per feature. */
export function answerDrift(asOf: Date, source: EmbeddingSource, centroids: readonly CentroidRow[], counts: readonly AnswerCountRow[], days: readonly SimilarityDayRow[], rules: RulesOf<'answer_drift'>): CheckOutcome {
  const windows = answerDriftWindows(asOf, rules);
  const threshold = source === 'logged' ? rules.min_similarity_embedding : rules.min_similarity_text;
  const features = [...new Set(counts.map((c) => c.feature))].sort();
  const alerts: AlertDraft[] = [];
  const skipped: SkippedSlice[] = [];
  let judged = 0;
  for (const feature of features) {
    const slice = { feature };
    const n = (period: string) => counts.find((c) => c.feature === feature && c.period === period)?.answers ?? 0;
    if (n('recent') < rules.min_answers || n('baseline') < rules.min_answers) {
      skipped.push(skip(slice, `${n('recent')} recent and ${n('baseline')} baseline answers, under min_answers ${rules.min_answers}`));
      continue;
    }
    judged++;
    const vector = (period: string) => new Map(centroids.filter((c) => c.feature === feature && c.period === period).map((c) => [c.dim, c.value]));
    const similarity = cosine(vector('recent'), vector('baseline'));
    if (similarity >= threshold) continue;
    alerts.push({
      check: 'answer_drift',
      kind: 'answer_drift',
      severity: 'ticket',
      slice,
      window: windows.recent,
      baseline_window: windows.baseline,
      value: round(similarity),
      baseline: 1,
      threshold,
      message: `Answers of ${sliceLabel(slice)} drifted: the centroid of the last ${rules.recent_days} days (${n('recent')} answers) has cosine similarity ${similarity.toFixed(3)} to the prior ${rules.baseline_days} days (${n('baseline')} answers), under ${threshold}, measured with ${embeddingLabel(source)}.`,
      security: false,
      impact: (1 - similarity) * n('recent'),
      series: boundSeries(days.filter((d) => d.feature === feature).map((d) => ({ t: d.day, value: round(d.similarity) }))),
    });
  }
  const result = outcome(alerts, judged, skipped, 'features');
  return { ...result, reason: `${result.reason} (vectors: ${embeddingLabel(source)})` };
}
