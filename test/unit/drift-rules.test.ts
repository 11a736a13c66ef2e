import { describe, expect, it } from 'vitest';
import { parsePriceTable } from '../../shared/drift/price-table';
import { DEFAULT_RULES, resolveRules } from '../../shared/drift/rules';
import { CHECK_IDS } from '../../shared/drift/types';

describe('drift rules', () => {
  it('has defaults for every check, with the guide thresholds', () => {
    expect(Object.keys(DEFAULT_RULES)).toEqual([...CHECK_IDS]);
    expect(DEFAULT_RULES.cost_anomaly.z).toBe(2.5);
    expect(DEFAULT_RULES.cost_anomaly.p99_ratio).toBe(3);
    expect(DEFAULT_RULES.faithfulness_drop.max_drop).toBe(0.08);
    expect(DEFAULT_RULES.refusal_spike.ratio).toBe(2);
    expect(DEFAULT_RULES.error_rate_spike).toMatchObject({ rate_429: 0.05, rate_5xx: 0.01, rate_context_overflow: 0.1, rate_empty: 0.005, window_minutes: 5, overflow_window_minutes: 15 });
    expect(DEFAULT_RULES.ttft_slo_burn).toMatchObject({ slo_ms: 800, budget_days: 30, fast_burn: 14.4 });
    expect(DEFAULT_RULES.cost_mismatch.max_mismatch).toBe(0.05);
    expect(DEFAULT_RULES.answer_drift.min_similarity_embedding).toBe(0.92);
    expect(DEFAULT_RULES.tool_loop.max_tool_calls).toBe(8);
  });

  it('overrides thresholds and enables or disables checks, leaving the rest at their defaults', () => {
    const rules = resolveRules({ checks: { cost_anomaly: { z: 3, enabled: true }, tool_loop: false, faithfulness_drop: { score_name: 'groundedness' } } });
    expect(rules.cost_anomaly.z).toBe(3);
    expect(rules.cost_anomaly.p99_ratio).toBe(3);
    expect(rules.tool_loop.enabled).toBe(false);
    expect(rules.faithfulness_drop.score_name).toBe('groundedness');
    expect(rules.model_swap).toEqual(DEFAULT_RULES.model_swap);
    expect(resolveRules(null)).toBe(DEFAULT_RULES);
    expect(resolveRules({})).toBe(DEFAULT_RULES);
  });

  it('names the bad key of an invalid rules file', () => {
    expect(() => resolveRules({ checks: { cost_anomaly: { zz: 3 } } })).toThrow(/unknown key "checks\.cost_anomaly\.zz"; cost_anomaly takes: enabled, baseline_days, z,/);
    expect(() => resolveRules({ checks: { cost_anomaly: { z: 'high' } } })).toThrow('"checks.cost_anomaly.z" must be a number (got "high")');
    expect(() => resolveRules({ checks: { nope: {} } })).toThrow(/unknown check "checks\.nope"/);
    expect(() => resolveRules({ check: {} })).toThrow(/unknown key "check"/);
    expect(() => resolveRules({ checks: { tool_loop: { max_tool_calls: -1 } } })).toThrow('"checks.tool_loop.max_tool_calls" must not be negative');
    expect(() => resolveRules({ checks: { tool_loop: { enabled: 'yes' } } })).toThrow('"checks.tool_loop.enabled" must be a boolean');
    expect(() => resolveRules([1])).toThrow(/must hold an object/);
    expect(() => resolveRules({ checks: { model_swap: { baseline_days: 13.5 } } })).toThrow('"checks.model_swap.baseline_days" must be a whole number of days (got 13.5)');
    expect(resolveRules({ checks: { model_swap: { baseline_days: 14 } } }).model_swap.baseline_days).toBe(14);
  });
});

describe('price table validation', () => {
  it('accepts the documented shape', () => {
    const table = parsePriceTable({ version: 'acme-2026-11', per_million_tokens: { 'm-1': { input: 1, output: 2 }, 'm-2': { input: 1, output: 2, cached_input: 0.1 } } });
    expect(table.version).toBe('acme-2026-11');
    expect(table.per_million_tokens['m-1']).toEqual({ input: 1, output: 2 });
    expect(table.per_million_tokens['m-2']?.cached_input).toBe(0.1);
  });

  it('names the bad key', () => {
    expect(() => parsePriceTable({ version: 'v', per_million_tokens: { 'm-1': { input: 1 } } })).toThrow('"per_million_tokens.m-1.output" must be a number of USD per 1M tokens, 0 or more (got null)');
    expect(() => parsePriceTable({ version: 'v', per_million_tokens: { 'm-1': { input: 1, output: 2, cache: 1 } } })).toThrow('unknown key "per_million_tokens.m-1.cache"');
    expect(() => parsePriceTable({ version: 'v', per_million_tokens: { 'm-1': { input: -1, output: 2 } } })).toThrow('"per_million_tokens.m-1.input" must be a number');
    expect(() => parsePriceTable({ per_million_tokens: {} })).toThrow('"version" must be a non-empty string');
    expect(() => parsePriceTable({ version: 'v', prices: {} })).toThrow('unknown key "prices"');
    expect(() => parsePriceTable({ version: 'v', per_million_tokens: {} })).toThrow('lists no model');
  });
});
