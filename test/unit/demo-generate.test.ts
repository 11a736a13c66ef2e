import { describe, expect, it } from 'vitest';
import { DEFAULT_DEMO, generateDemo } from '../../shared/demo/generate';
import { INCIDENT_IDS, parseIncidents } from '../../shared/demo/incidents';

const small = { ...DEFAULT_DEMO, days: 3, callsPerDay: 400 };

function calls(options = small) {
  return [...generateDemo(options)].filter((r) => r.kind === 'call').map((r) => r.value);
}

describe('demo generator', () => {
  it('is deterministic for a seed', () => {
    expect(JSON.stringify(calls())).toBe(JSON.stringify(calls()));
    expect(JSON.stringify(calls({ ...small, seed: 7 }))).not.toBe(JSON.stringify(calls()));
  });

  it('ends at the configured end and stays in time order', () => {
    const list = calls();
    const times = list.map((c) => Date.parse(String(c['ts'])));
    expect(times.every((t, i) => i === 0 || t >= times[i - 1]!)).toBe(true);
    expect(Math.max(...times)).toBeLessThan(small.end.getTime());
    expect(Math.min(...times)).toBeGreaterThanOrEqual(small.end.getTime() - 3 * 86_400_000);
  });

  it('injects the model swap only when asked', () => {
    const clean = calls();
    const swapped = calls({ ...small, incidents: ['model_swap'] });
    expect(clean.some((c) => c['model_resolved'] === 'gpt-4o-2024-11-20')).toBe(false);
    expect(swapped.some((c) => c['model_resolved'] === 'gpt-4o-2024-11-20')).toBe(true);
  });

  it('parses incident lists and rejects unknown ids', () => {
    expect(parseIncidents('all')).toEqual(INCIDENT_IDS);
    expect(parseIncidents('none')).toEqual([]);
    expect(parseIncidents('model_swap,pii_leak')).toEqual(['model_swap', 'pii_leak']);
    expect(() => parseIncidents('nope')).toThrow(/unknown incident "nope"/);
  });
});
