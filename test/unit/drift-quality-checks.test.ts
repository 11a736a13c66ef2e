import { describe, expect, it } from 'vitest';
import { answerDrift, type CentroidRow } from '../../shared/drift/checks/answer-drift';
import { faithfulnessDrop, type ScoreDayRow } from '../../shared/drift/checks/faithfulness-drop';
import { modelSwap, type ResolutionRow } from '../../shared/drift/checks/model-swap';
import { nondeterminism } from '../../shared/drift/checks/nondeterminism';
import { DEFAULT_RULES } from '../../shared/drift/rules';

const asOf = new Date('2026-11-04T12:00:00Z');

describe('faithfulness_drop', () => {
  const rules = DEFAULT_RULES.faithfulness_drop;
  const day = (period: 'recent' | 'baseline', d: number, mean: number, count: number, value = 'refund_v12'): ScoreDayRow => ({
    dimension: 'prompt_version', value, period, day: `2026-10-${String(20 + d).padStart(2, '0')}T12:00:00.000Z`, sum: mean * count, count,
  });

  it('weights days by their volume: a bad day of 2 scores does not sink a week of 1,000', () => {
    const rows = [day('baseline', 0, 0.9, 500), day('baseline', 1, 0.9, 500), day('recent', 7, 0.2, 2), day('recent', 8, 0.9, 998)];
    const outcome = faithfulnessDrop(asOf, rows, rules);
    // Averaging the two recent daily means would give 0.55, a drop of 0.35.
    expect(outcome.status).toBe('ok');
    expect(outcome.alerts).toHaveLength(0);
  });

  it('tickets a volume-weighted drop over 0.08 and reports the sample counts', () => {
    const rows = [day('baseline', 0, 0.91, 150), day('recent', 7, 0.78, 100), day('recent', 8, 0.7, 100)];
    const outcome = faithfulnessDrop(asOf, rows, rules);
    expect(outcome.alerts).toHaveLength(1);
    const alert = outcome.alerts[0]!;
    expect(alert).toMatchObject({ severity: 'ticket', slice: { prompt_version: 'refund_v12' }, value: 0.74, baseline: 0.91, threshold: 0.83 });
    expect(alert.message).toContain('(150 scores)');
    expect(alert.message).toContain('(200 scores)');
    expect(alert.series.map((p) => p.value)).toEqual([0.91, 0.78, 0.7]);
  });

  it('skips slices with too few scores in either week', () => {
    const outcome = faithfulnessDrop(asOf, [day('baseline', 0, 0.9, 400), day('recent', 7, 0.1, 12)], rules);
    expect(outcome.status).toBe('skipped');
    expect(outcome.skipped[0]!.reason).toBe('12 recent and 400 baseline faithfulness scores, under min_samples 30');
  });
});

describe('model_swap', () => {
  const rules = DEFAULT_RULES.model_swap;
  const pair = (resolved: string, recent: number, baseline: number, extra: Partial<ResolutionRow> = {}): ResolutionRow => ({
    model_requested: 'gpt-4o', model_resolved: resolved, recent_calls: recent, baseline_calls: baseline, first_seen: '2026-11-01T12:00:00.000Z',
    requested_since_first_seen: 1000, requested_baseline_calls: 4000, ...extra,
  });

  it('reports a resolution never seen in the baseline, with its first time and share of traffic', () => {
    const outcome = modelSwap(asOf, [pair('gpt-4o-2024-08-06', 1600, 4000), pair('gpt-4o-2024-11-20', 400, 0)], [], rules);
    expect(outcome.alerts).toHaveLength(1);
    expect(outcome.alerts[0]).toMatchObject({ slice: { model_requested: 'gpt-4o', model_resolved: 'gpt-4o-2024-11-20' }, value: 0.4, baseline: 0, window: { from: '2026-11-01T12:00:00.000Z' } });
    expect(outcome.alerts[0]!.message).toContain('40.0% of its traffic');
  });

  it('ignores a handful of stray calls and skips models without a baseline', () => {
    expect(modelSwap(asOf, [pair('gpt-4o-2024-11-20', 3, 0)], [], rules).alerts).toHaveLength(0);
    const fresh = modelSwap(asOf, [pair('gpt-5', 300, 0, { model_requested: 'gpt-5', requested_baseline_calls: 0 })], [], rules);
    expect(fresh.status).toBe('skipped');
    expect(fresh.skipped[0]!.reason).toBe('0 baseline calls, under min_baseline_calls 100');
  });
});

describe('nondeterminism', () => {
  const rules = DEFAULT_RULES.nondeterminism;
  it('warns when repeated temperature-0 prompts get different answers, with example pairs as exemplars', () => {
    const examples = [{ messages_hash: 'm1', a: 'req_a', b: 'req_b' }];
    const outcome = nondeterminism(asOf, [
      { feature: 'billing_bot', prompt_version: 'billing_v2', repeated_prompts: 20, divergent_prompts: 4, divergent_calls: 300, examples },
      { feature: 'ticket_summarizer', prompt_version: 'summ_v3', repeated_prompts: 40, divergent_prompts: 1, divergent_calls: 2, examples: [] },
      { feature: 'tiny', prompt_version: 'v1', repeated_prompts: 2, divergent_prompts: 2, divergent_calls: 4, examples: [] },
    ], [], rules);
    expect(outcome.alerts).toHaveLength(1);
    expect(outcome.alerts[0]).toMatchObject({ severity: 'warn', value: 0.2, exemplars: ['req_a', 'req_b'] });
    expect(outcome.alerts[0]!.message).toContain('e.g. req_a vs req_b');
    expect(outcome.skipped[0]!.slice).toEqual({ feature: 'tiny', prompt_version: 'v1' });
  });
});

describe('answer_drift', () => {
  const rules = DEFAULT_RULES.answer_drift;
  const centroid = (period: 'recent' | 'baseline', vector: number[]): CentroidRow[] => vector.map((value, dim) => ({ feature: 'search_answer', period, dim, value }));
  const counts = [{ feature: 'search_answer', period: 'recent' as const, answers: 500 }, { feature: 'search_answer', period: 'baseline' as const, answers: 2000 }];

  it('tickets a centroid whose cosine similarity falls under the threshold of its vector source', () => {
    // Similarity 0.910: under the 0.92 of logged embeddings, over the 0.90 of the text embedding.
    const rows = [...centroid('baseline', [1, 0, 0]), ...centroid('recent', [1, 0.455, 0])];
    const similarity = 1 / Math.hypot(1, 0.455);
    const text = answerDrift(asOf, 'text', rows, counts, [], rules);
    expect(text.alerts).toHaveLength(0);
    const logged = answerDrift(asOf, 'logged', rows, counts, [], rules);
    expect(logged.alerts).toHaveLength(1);
    expect(logged.alerts[0]!.value).toBeCloseTo(similarity, 4);
    expect(logged.alerts[0]!.threshold).toBe(0.92);
    expect(logged.reason).toContain('the logged answer embeddings');
    expect(text.reason).toContain('hashed word unigrams and bigrams');
  });

  it('stays quiet when the answers did not move and skips features with too few answers', () => {
    expect(answerDrift(asOf, 'logged', [...centroid('baseline', [1, 1, 0]), ...centroid('recent', [2, 2, 0])], counts, [], rules).status).toBe('ok');
    const few = answerDrift(asOf, 'text', centroid('baseline', [1]), [{ feature: 'search_answer', period: 'baseline', answers: 900 }], [], rules);
    expect(few.status).toBe('skipped');
    expect(few.skipped[0]!.reason).toBe('0 recent and 900 baseline answers, under min_answers 50');
  });
});
