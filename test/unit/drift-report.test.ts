import { describe, expect, it } from 'vitest';
import { failsAt, finalizeAlert, sortDrafts } from '../../shared/drift/report';
import { RUNBOOKS } from '../../shared/drift/runbooks';
import type { AlertDraft, Severity } from '../../shared/drift/types';

const draft = (severity: Severity, impact: number, kind = 'tool_loop'): AlertDraft => ({
  check: 'tool_loop', kind, severity, impact, slice: { feature: 'f' }, window: { from: 'a', to: 'b' }, baseline_window: null,
  value: 1, baseline: null, threshold: 1, message: 'm', security: false, series: [],
});

describe('drift report', () => {
  it('sorts alerts by severity, then by impact', () => {
    const sorted = sortDrafts([draft('warn', 100), draft('ticket', 1), draft('page', 2), draft('ticket', 50), draft('page', 9)]);
    expect(sorted.map((d) => [d.severity, d.impact])).toEqual([['page', 9], ['page', 2], ['ticket', 50], ['ticket', 1], ['warn', 100]]);
  });

  it('fails at or above the --fail-on severity', () => {
    expect(failsAt([{ severity: 'ticket' }], 'page')).toBe(false);
    expect(failsAt([{ severity: 'ticket' }], 'ticket')).toBe(true);
    expect(failsAt([{ severity: 'page' }], 'warn')).toBe(true);
    expect(failsAt([{ severity: 'warn' }], 'ticket')).toBe(false);
    expect(failsAt([], 'warn')).toBe(false);
  });

  it('gives every alert the runbook of its kind and at most 20 exemplars, without internal fields', () => {
    const alert = finalizeAlert(draft('page', 1, 'rate_limit_429'), Array.from({ length: 30 }, (_, i) => `req_${i}`));
    expect(alert.runbook).toBe(RUNBOOKS['rate_limit_429']);
    expect(alert.runbook).toMatch(/queue/i);
    expect(alert.exemplars).toHaveLength(20);
    expect(Object.keys(alert)).toEqual(['check', 'severity', 'slice', 'window', 'baseline_window', 'value', 'baseline', 'threshold', 'message', 'runbook', 'security', 'exemplars', 'series']);
    expect(RUNBOOKS['context_overflow']).toMatch(/trim retrieval/i);
    expect(RUNBOOKS['faithfulness_drop']).toMatch(/freeze prompt merges/i);
  });
});
