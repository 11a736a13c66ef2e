import { describe, expect, it } from 'vitest';
import { DEFAULT_DEMO, generateDemo } from '../../shared/demo/generate';

const judged = (days: number) =>
  [...generateDemo({ ...DEFAULT_DEMO, days })]
    .filter((r) => r.kind === 'score' && r.value['source'] === 'judge')
    .map((r) => Number(r.value['value']));

describe('demo judge scores', () => {
  it('have a failing lower tail, so the judge review queue has calls to review, while most answers score high', () => {
    const scores = judged(12);
    expect(scores.length).toBeGreaterThan(400);
    const queued = scores.filter((v) => v <= 0.6).length / scores.length;
    expect(queued).toBeGreaterThan(0.015);
    expect(queued).toBeLessThan(0.06);
    expect(scores.some((v) => v < 0.4)).toBe(true);
    expect(scores.filter((v) => v >= 0.85).length / scores.length).toBeGreaterThan(0.75);
    expect(scores.every((v) => v >= 0 && v <= 1)).toBe(true);
  });
});
