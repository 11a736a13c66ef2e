import { describe, expect, it } from 'vitest';
import { costAnomaly, type DailyCostRow, type HourlyP99Row } from '../../shared/drift/checks/cost-anomaly';
import { costMismatch, mismatchRatio } from '../../shared/drift/checks/cost-mismatch';
import { toolLoop } from '../../shared/drift/checks/tool-loop';
import { DEFAULT_RULES } from '../../shared/drift/rules';

const asOf = new Date('2026-11-04T12:00:00Z');
const rules = DEFAULT_RULES.cost_anomaly;

function days(value: string, costs: number[], requests = 100, dimension = 'tenant_id'): DailyCostRow[] {
  return costs.map((cost, day) => ({ dimension, value, day, cost, requests }));
}

const input = (daily: DailyCostRow[], hourly: HourlyP99Row[] = [], baselineDaysAvailable = 28) => ({ asOf, baselineDaysAvailable, daily, hourly, hourlySeries: [] });

describe('cost_anomaly', () => {
  it('tickets a day whose cost is more than 2.5 sigma over the prior days, ranked by excess dollars', () => {
    const noisy = Array.from({ length: 28 }, (_, i) => 10 + (i % 2 === 0 ? 1 : -1));
    const outcome = costAnomaly(input([...days('globex', [20, ...noisy]), ...days('acme', [12.4, ...noisy]), ...days('hooli', [14, ...noisy])]), rules);
    expect(outcome.status).toBe('alert');
    expect(outcome.alerts.map((a) => a.slice)).toEqual([{ tenant_id: 'globex' }, { tenant_id: 'hooli' }]);
    const globex = outcome.alerts[0]!;
    expect(globex).toMatchObject({ check: 'cost_anomaly', severity: 'ticket', value: 20, baseline: 10, threshold: 12.5 });
    expect(globex.impact).toBe(10);
    expect(globex.series).toHaveLength(29);
    expect(globex.message).toContain('z = 10.0');
  });

  it('does not divide by zero on a flat baseline: small moves stay quiet, big ones fire', () => {
    const flat = Array.from({ length: 28 }, () => 10);
    expect(costAnomaly(input(days('acme', [11, ...flat])), rules).alerts).toHaveLength(0);
    const big = costAnomaly(input(days('acme', [20, ...flat])), rules);
    expect(big.alerts).toHaveLength(1);
    expect(big.alerts[0]!.threshold).toBeCloseTo(10 + 2.5 * 0.5, 9);
  });

  it('counts days without calls as zero cost rather than leaving them out', () => {
    const rows = [{ dimension: 'tenant_id', value: 'wonka', day: 0, cost: 9, requests: 60 }, ...[2, 4, 6, 8, 10, 12, 14].map((day) => ({ dimension: 'tenant_id', value: 'wonka', day, cost: 3, requests: 60 }))];
    const outcome = costAnomaly(input(rows, [], 14), rules);
    expect(outcome.alerts).toHaveLength(1);
    expect(outcome.alerts[0]!.baseline).toBe(1.5);
  });

  it('skips slices with too few requests or too little baseline, saying so', () => {
    const few = costAnomaly(input(days('soylent', [100, 1, 1, 1, 1, 1, 1, 1, 1], 12)), rules);
    expect(few.status).toBe('skipped');
    expect(few.alerts).toHaveLength(0);
    expect(few.skipped[0]).toEqual({ slice: { tenant_id: 'soylent' }, reason: '12 requests in the last 24 h, under min_requests 50' });
    const young = costAnomaly(input(days('acme', [100, 1, 1]), [], 2), rules);
    expect(young.skipped[0]!.reason).toBe('2 days of baseline, under min_baseline_days 7');
  });

  it('pages when the last hour\'s cost per request p99 is over 3x its baseline', () => {
    const row = (value: string, recent: number): HourlyP99Row => ({ dimension: 'feature', value, recent_requests: 40, recent_cost: 40 * recent, recent_p99: recent, baseline_requests: 5000, baseline_p99: 0.01, baseline_mean: 0.005 });
    const outcome = costAnomaly(input([], [row('refund_copilot', 0.05), row('billing_bot', 0.029)]), rules);
    expect(outcome.alerts).toHaveLength(1);
    expect(outcome.alerts[0]).toMatchObject({ severity: 'page', kind: 'cost_p99', slice: { feature: 'refund_copilot' }, value: 0.05, baseline: 0.01, threshold: 0.03 });
    expect(outcome.alerts[0]!.impact).toBeCloseTo(40 * 0.05 - 40 * 0.005, 9);
    const quiet = costAnomaly(input([], [{ ...row('refund_copilot', 0.5), recent_requests: 3 }]), rules);
    expect(quiet.alerts).toHaveLength(0);
    expect(quiet.skipped[0]!.reason).toContain('under min_requests_p99 10');
  });
});

describe('cost_mismatch', () => {
  const r = DEFAULT_RULES.cost_mismatch;
  it('flags spend that differs from the price table by more than 5%, and reports unknown models instead of pricing them at zero', () => {
    const outcome = costMismatch(asOf, [
      { model: 'claude-3-5-haiku-20241022', prompt_version: 'summ_v3', calls: 500, logged: 10, computed: 30 },
      { model: 'gpt-4o', prompt_version: 'v1', calls: 500, logged: 10.4, computed: 10 },
      { model: 'my-finetune', prompt_version: 'v1', calls: 30, logged: 2, computed: null },
      { model: 'my-finetune', prompt_version: 'v2', calls: 10, logged: 1, computed: null },
    ], [], r, 'test-v1');
    expect(outcome.alerts.map((a) => [a.kind, a.severity, a.slice['model_resolved']])).toEqual([
      ['cost_mismatch', 'ticket', 'claude-3-5-haiku-20241022'],
      ['cost_unknown_model', 'warn', 'my-finetune'],
    ]);
    expect(outcome.alerts[0]!.message).toContain('-66.7%');
    expect(outcome.alerts[1]!.message).toContain('not in price table test-v1');
    expect(outcome.alerts[1]!.value).toBe(3);
    expect(mismatchRatio(0, 0)).toBe(0);
    expect(mismatchRatio(1, 0)).toBe(Infinity);
  });

  it('skips pairs with too few calls', () => {
    const outcome = costMismatch(asOf, [{ model: 'gpt-4o', prompt_version: 'v1', calls: 3, logged: 1, computed: 3 }], [], r, 'v');
    expect(outcome.status).toBe('skipped');
    expect(outcome.skipped[0]!.reason).toBe('3 calls, under min_calls 20');
  });
});

describe('tool_loop', () => {
  it('reports runaway calls per feature and tenant with the money they burned', () => {
    const row = { feature: 'refund_copilot', calls: 100, max_tool_calls: 40, max_repeats: 40, top_tool: 'search_orders' };
    const outcome = toolLoop(asOf, [
      { ...row, tenant_id: 'globex', runaway_calls: 60, runaway_cost: 12.5 },
      { ...row, tenant_id: 'acme', runaway_calls: 2, runaway_cost: 0.4 },
    ], [], DEFAULT_RULES.tool_loop);
    expect(outcome.alerts).toHaveLength(1);
    expect(outcome.alerts[0]).toMatchObject({ slice: { feature: 'refund_copilot', tenant_id: 'globex' }, value: 60, impact: 12.5, severity: 'ticket' });
    expect(outcome.alerts[0]!.message).toContain('burned $12.50');
  });
});
