import { describe, expect, it } from 'vitest';
import { DETECTORS, PII_PREFILTER } from '../../shared/pii';
import { PII_POSITIVES } from '../helpers/pii-samples';

// The database runs these patterns with RE2; the subset they use means the same in JavaScript.
describe('prefilter patterns', () => {
  it.each(PII_POSITIVES)('let the $kind in $text through', ({ kind, text, value }) => {
    const detector = DETECTORS.find((d) => d.kind === kind)!;
    expect(new RegExp(detector.prefilter).test(text)).toBe(true);
    expect(new RegExp(PII_PREFILTER).test(text)).toBe(true);
    // The value alone is a whole text too (a bearer token is only a secret after "Bearer").
    if (!/bearer/i.test(text)) expect(new RegExp(detector.prefilter).test(value)).toBe(true);
  });

  it('use no syntax RE2 rejects (lookaround, backreferences)', () => {
    for (const d of DETECTORS) expect(d.prefilter).not.toMatch(/\(\?<?[=!]|\\[1-9]/);
  });

  it('pass over ordinary text', () => {
    const clean = ['Refund issued for order 12345 on 2024-01-15 12:30:45', 'score 0.93, latency 1234 ms', 'The policy allows 30 days.'];
    for (const text of clean) expect(new RegExp(PII_PREFILTER).test(text)).toBe(false);
  });
});
