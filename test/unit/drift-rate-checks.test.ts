import { describe, expect, it } from 'vitest';
import { type ErrorWindowRow, errorRateSpike } from '../../shared/drift/checks/error-rate-spike';
import { type BlockRow, refusalSpike } from '../../shared/drift/checks/refusal-spike';
import { burnRate, type TtftBucketRow, ttftSloBurn } from '../../shared/drift/checks/ttft-slo-burn';
import { DEFAULT_RULES } from '../../shared/drift/rules';

const asOf = new Date('2026-11-04T12:00:00Z');
const at = (minutesBefore: number) => new Date(asOf.getTime() - minutesBefore * 60_000).toISOString();

describe('refusal_spike', () => {
  const rules = DEFAULT_RULES.refusal_spike;
  const rows = (feature: string, dimension: string, recentBlocks: number, baseBlocks: number): BlockRow[] => [
    { feature, dimension, bucket: 0, requests: 600, blocks: recentBlocks },
    ...[1, 2, 3, 4, 5, 6, 7].map((bucket) => ({ feature, dimension, bucket, requests: 600, blocks: baseBlocks })),
  ];

  it('tickets a block rate at 2x its baseline and marks injection and PII for security', () => {
    const outcome = refusalSpike(asOf, [...rows('ticket_summarizer', '', 50, 4), ...rows('ticket_summarizer', 'injection', 45, 2), ...rows('ticket_summarizer', 'policy', 5, 2)], rules);
    expect(outcome.alerts.map((a) => [a.slice, a.security, a.kind])).toEqual([
      [{ feature: 'ticket_summarizer' }, false, 'refusal_spike'],
      [{ feature: 'ticket_summarizer', dimension: 'injection' }, true, 'refusal_spike_security'],
    ]);
    expect(outcome.alerts[0]).toMatchObject({ value: 0.0833, baseline: 0.0067, threshold: 0.0133 });
    expect(outcome.alerts[0]!.series).toHaveLength(8);
  });

  it('does not call one block on a rail that never blocked a spike (baseline floor and minimum blocks)', () => {
    expect(refusalSpike(asOf, rows('search_answer', 'pii', 3, 0), rules).alerts).toHaveLength(0);
    expect(refusalSpike(asOf, rows('search_answer', 'pii', 12, 0), rules).alerts).toHaveLength(1);
  });

  it('skips features with too few requests', () => {
    const outcome = refusalSpike(asOf, [{ feature: 'tiny', dimension: '', bucket: 0, requests: 30, blocks: 20 }], rules);
    expect(outcome.status).toBe('skipped');
    expect(outcome.skipped[0]!.reason).toBe('30 recent and 0 baseline requests, under min_requests 200');
  });
});

describe('error_rate_spike', () => {
  const rules = DEFAULT_RULES.error_rate_spike;
  const window = (minutesBefore: number, requests: number, counts: Partial<ErrorWindowRow> = {}): ErrorWindowRow => ({
    dimension: 'provider', value: 'anthropic', window_start: at(minutesBefore), requests, rate_limit_429: 0, provider_5xx: 0, context_overflow: 0, empty_completion: 0, ...counts,
  });

  it('pages on the worst 5-minute window of 429s over 5% and reports that window', () => {
    const rows = [window(60, 40), window(55, 40, { rate_limit_429: 4 }), window(50, 40, { rate_limit_429: 14 }), window(45, 40, { rate_limit_429: 1 })];
    const outcome = errorRateSpike(asOf, rows, rules);
    expect(outcome.alerts).toHaveLength(1);
    expect(outcome.alerts[0]).toMatchObject({ kind: 'rate_limit_429', severity: 'page', value: 0.35, threshold: 0.05, window: { from: at(50), to: at(45) } });
    expect(outcome.alerts[0]!.baseline).toBeCloseTo(19 / 160, 3);
  });

  it('judges context overflow over 15 minutes (ticket) and empty completions as a warning', () => {
    const rows = [window(30, 30, { context_overflow: 2 }), window(25, 30, { context_overflow: 2 }), window(20, 30, { context_overflow: 6, empty_completion: 3 })];
    const outcome = errorRateSpike(asOf, rows, rules);
    expect(outcome.alerts.map((a) => [a.kind, a.severity])).toEqual([['context_overflow', 'ticket'], ['empty_completion', 'warn']]);
    expect(outcome.alerts[0]!.window).toEqual({ from: at(30), to: at(15) });
    expect(outcome.alerts[0]!.value).toBeCloseTo(10 / 90, 4);
  });

  it('needs a minimum of errors and of requests per window', () => {
    expect(errorRateSpike(asOf, [window(10, 40, { provider_5xx: 2 })], rules).alerts).toHaveLength(0);
    expect(errorRateSpike(asOf, [window(10, 40, { provider_5xx: 3 })], rules).alerts).toHaveLength(1);
    const quiet = errorRateSpike(asOf, [window(10, 12, { rate_limit_429: 12 })], rules);
    expect(quiet.status).toBe('skipped');
    expect(quiet.skipped[0]!.reason).toBe('at most 12 requests per 5-minute window, under min_requests 20');
  });
});

describe('ttft_slo_burn', () => {
  const rules = DEFAULT_RULES.ttft_slo_burn;
  const buckets = (slowShareByHour: number[]): TtftBucketRow[] =>
    slowShareByHour.flatMap((share, hour) => Array.from({ length: 12 }, (_, i) => ({ dimension: 'feature', value: 'search_answer', bucket_start: at((slowShareByHour.length - hour) * 60 - i * 5), requests: 10, slow: Math.round(10 * share) })));

  it('measures burn as the slow share over the share the objective allows', () => {
    expect(burnRate(5, 100, 0.95)).toBeCloseTo(1, 12);
    expect(burnRate(72, 100, 0.95)).toBeCloseTo(14.4, 12);
    expect(burnRate(0, 0, 0.95)).toBe(0);
  });

  it('pages on a 1-hour burn over 14.4 and reports the window', () => {
    const outcome = ttftSloBurn(asOf, buckets([0, 0, 0.9, 0, 0]), [{ dimension: 'feature', value: 'search_answer', requests: 100_000, slow: 400 }], rules);
    expect(outcome.alerts).toHaveLength(1);
    expect(outcome.alerts[0]).toMatchObject({ kind: 'ttft_fast_burn', severity: 'page', value: 18, threshold: 14.4, baseline: 0.08, window: { from: at(180), to: at(120) } });
  });

  it('tickets a slow 6-hour burn over 6 that never reaches the fast threshold', () => {
    const outcome = ttftSloBurn(asOf, buckets([0.4, 0.4, 0.4, 0.4, 0.4, 0.4]), [], rules);
    expect(outcome.alerts.map((a) => [a.kind, a.severity, a.value])).toEqual([['ttft_slow_burn', 'ticket', 8]]);
    expect(ttftSloBurn(asOf, buckets([0.1, 0.1, 0.1]), [], rules).status).toBe('ok');
  });
});
