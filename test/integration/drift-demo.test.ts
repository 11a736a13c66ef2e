import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INCIDENT_IDS } from '../../shared/demo/incidents';
import type { DriftAlert, DriftReport } from '../../shared/drift/types';
import { cli } from '../helpers/cli';
import { type DemoCall, type DriftDemo, driftDemo } from '../helpers/drift-demo';

/** What each injected incident must raise: check, severity and (part of) the slice. */
const EXPECTED: readonly { check: string; severity: string; slice: Record<string, string> }[] = [
  { check: 'cost_anomaly', severity: 'page', slice: { tenant_id: 'globex' } },
  { check: 'cost_anomaly', severity: 'ticket', slice: { tenant_id: 'globex' } },
  { check: 'model_swap', severity: 'ticket', slice: { model_requested: 'gpt-4o', model_resolved: 'gpt-4o-2024-11-20' } },
  { check: 'faithfulness_drop', severity: 'ticket', slice: { prompt_version: 'refund_v12' } },
  { check: 'refusal_spike', severity: 'ticket', slice: { feature: 'ticket_summarizer', dimension: 'injection' } },
  { check: 'error_rate_spike', severity: 'page', slice: { provider: 'anthropic' } },
  { check: 'ttft_slo_burn', severity: 'page', slice: { feature: 'search_answer' } },
  { check: 'nondeterminism', severity: 'warn', slice: { feature: 'billing_bot' } },
  { check: 'cost_mismatch', severity: 'ticket', slice: { model_resolved: 'claude-3-5-haiku-20241022' } },
  { check: 'answer_drift', severity: 'ticket', slice: { feature: 'search_answer' } },
  { check: 'tool_loop', severity: 'ticket', slice: { feature: 'refund_copilot', tenant_id: 'globex' } },
];

const RANK = { page: 3, ticket: 2, warn: 1 } as const;

describe('tracelens drift on the demo dataset with every incident injected', () => {
  let demo: DriftDemo;
  let report: DriftReport;
  let byId: Map<string, DemoCall>;

  beforeAll(async () => {
    demo = await driftDemo(INCIDENT_IDS);
    byId = new Map(demo.calls.map((c) => [String(c['request_id']), c]));
    const result = await cli('drift', demo.db, '--json');
    expect(result.code).toBe(1);
    report = JSON.parse(result.stdout) as DriftReport;
  });
  afterAll(() => demo?.cleanup());

  const find = (check: string, slice: Record<string, string>, severity?: string): DriftAlert | undefined =>
    report.alerts.find((a) => a.check === check && (!severity || a.severity === severity) && Object.entries(slice).every(([k, v]) => a.slice[k] === v));

  it('prints the documented JSON shape, "now" being the latest call', () => {
    expect(Object.keys(report)).toEqual(['as_of', 'alerts', 'checks']);
    const latest = Math.max(...demo.calls.map((c) => Date.parse(String(c['ts']))));
    expect(report.as_of).toBe(new Date(latest).toISOString());
    for (const alert of report.alerts) {
      expect(Object.keys(alert)).toEqual(['check', 'severity', 'slice', 'window', 'baseline_window', 'value', 'baseline', 'threshold', 'message', 'runbook', 'security', 'exemplars', 'series']);
      expect(Date.parse(alert.window.from)).toBeLessThan(Date.parse(alert.window.to));
      expect(alert.message.length).toBeGreaterThan(20);
      expect(alert.exemplars.length).toBeGreaterThan(0);
      expect(alert.exemplars.length).toBeLessThanOrEqual(20);
      expect(alert.series.length).toBeLessThanOrEqual(200);
    }
    expect(report.checks.map((c) => c.check)).toEqual(['cost_anomaly', 'model_swap', 'faithfulness_drop', 'refusal_spike', 'error_rate_spike', 'ttft_slo_burn', 'nondeterminism', 'cost_mismatch', 'answer_drift', 'tool_loop']);
    expect(report.checks.every((c) => c.status === 'alert')).toBe(true);
  });

  it.each(EXPECTED)('$check raises a $severity alert on $slice', ({ check, severity, slice }) => {
    expect(find(check, slice, severity), JSON.stringify(report.alerts.filter((a) => a.check === check).map((a) => [a.severity, a.slice]))).toBeDefined();
  });

  it('sorts alerts by severity, then impact', () => {
    const ranks = report.alerts.map((a) => RANK[a.severity]);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    const tickets = report.alerts.filter((a) => a.check === 'cost_anomaly' && a.severity === 'ticket');
    const excess = tickets.map((a) => a.value - (a.baseline ?? 0));
    expect(excess).toEqual([...excess].sort((a, b) => b - a));
  });

  it('points at the calls behind each alert', () => {
    const storm = find('error_rate_spike', { provider: 'anthropic' })!;
    for (const id of storm.exemplars) {
      const call = byId.get(id)!;
      expect(call['error_class']).toBe('rate_limit_429');
      expect(call['provider']).toBe('anthropic');
      expect(Date.parse(String(call['ts']))).toBeGreaterThanOrEqual(Date.parse(storm.window.from));
      expect(Date.parse(String(call['ts']))).toBeLessThan(Date.parse(storm.window.to));
    }
    const swap = find('model_swap', { model_resolved: 'gpt-4o-2024-11-20' })!;
    expect(swap.exemplars.every((id) => byId.get(id)!['model_resolved'] === 'gpt-4o-2024-11-20')).toBe(true);
    const loop = find('tool_loop', { tenant_id: 'globex' })!;
    expect(loop.exemplars.every((id) => (byId.get(id)!['tool_calls'] as unknown[]).length > 8)).toBe(true);
    const injection = find('refusal_spike', { dimension: 'injection' })!;
    expect(injection.security).toBe(true);
    expect(injection.exemplars.every((id) => (byId.get(id)!['guardrail_decisions'] as { action: string; dimension: string }[]).some((d) => d.action === 'block' && d.dimension === 'injection'))).toBe(true);
    const nondet = find('nondeterminism', { feature: 'billing_bot' })!;
    const [a, b] = nondet.exemplars.map((id) => byId.get(id)!);
    expect(a!['messages_hash']).toBe(b!['messages_hash']);
    expect(a!['response_hash']).not.toBe(b!['response_hash']);
  });

  it('measures what the incidents injected', () => {
    expect(find('model_swap', { model_resolved: 'gpt-4o-2024-11-20' })!.value).toBeCloseTo(0.4, 1);
    const faith = find('faithfulness_drop', { prompt_version: 'refund_v12' })!;
    expect(faith.baseline! - faith.value).toBeGreaterThan(0.12);
    expect(find('error_rate_spike', { provider: 'anthropic' })!.value).toBeGreaterThan(0.25);
    const mismatch = find('cost_mismatch', { model_resolved: 'claude-3-5-haiku-20241022' })!;
    expect(mismatch.value / mismatch.baseline!).toBeCloseTo(1 / 3, 2);
    const drift = find('answer_drift', { feature: 'search_answer' })!;
    expect(drift.value).toBeLessThan(0.9);
    expect(drift.series.length).toBeGreaterThan(20);
  });

  it('prints a readable report grouped by severity, with 3 exemplars per alert', async () => {
    const result = await cli('drift', demo.db);
    expect(result.code).toBe(1);
    const text = result.stdout;
    expect(text.indexOf('PAGE (')).toBeLessThan(text.indexOf('TICKET ('));
    expect(text.indexOf('TICKET (')).toBeLessThan(text.indexOf('WARN ('));
    const exemplarLines = text.split('\n').filter((l) => l.trim().startsWith('exemplars:'));
    expect(exemplarLines).toHaveLength(report.alerts.length);
    expect(exemplarLines.every((l) => (l.match(/req_[0-9a-f]+/g) ?? []).length <= 3)).toBe(true);
    expect(text).toContain('next: Enable queueing');
  });

  it('exits by --fail-on, and honours a YAML rules file', async () => {
    expect((await cli('drift', demo.db, '--fail-on', 'warn', '--json')).code).toBe(1);
    const rules = join(demo.dir, 'rules.yaml');
    await writeFile(rules, ['checks:', '  cost_anomaly: { p99_ratio: 1000 }', '  error_rate_spike: false', '  ttft_slo_burn:', '    enabled: false', ''].join('\n'));
    const quiet = await cli('drift', demo.db, '--rules', rules, '--json');
    expect(quiet.code).toBe(0);
    const relaxed = JSON.parse(quiet.stdout) as DriftReport;
    expect(relaxed.alerts.some((a) => a.severity === 'page')).toBe(false);
    expect(relaxed.checks.find((c) => c.check === 'ttft_slo_burn')).toMatchObject({ status: 'skipped', reason: 'disabled by the rules file' });
    expect((await cli('drift', demo.db, '--rules', rules, '--fail-on', 'ticket', '--json')).code).toBe(1);
  });

  it('looks at the dump as of --as-of: before the incidents nothing fires', async () => {
    const result = await cli('drift', demo.db, '--as-of', '2026-10-24T12:00:00Z', '--json');
    const before = JSON.parse(result.stdout) as DriftReport;
    expect(before.as_of).toBe('2026-10-24T12:00:00.000Z');
    expect(before.alerts.map((a) => [a.check, a.slice])).toEqual([]);
    expect(result.code).toBe(0);
  });

  it('replaces the price table with --prices', async () => {
    const prices = join(demo.dir, 'prices.json');
    await writeFile(prices, JSON.stringify({ version: 'stale-haiku', per_million_tokens: { 'claude-3-5-haiku-20241022': { input: 0.8 / 3, output: 4 / 3, cached_input: 0.08 / 3 } } }));
    const result = await cli('drift', demo.db, '--prices', prices, '--json');
    const mismatch = (JSON.parse(result.stdout) as DriftReport).alerts.filter((a) => a.check === 'cost_mismatch');
    expect(mismatch.some((a) => a.severity === 'ticket')).toBe(false);
    expect(mismatch.filter((a) => a.severity === 'warn').map((a) => a.slice['model_resolved']).sort()).toEqual(['claude-sonnet-4-20250514', 'gpt-4o-2024-08-06', 'gpt-4o-2024-11-20', 'gpt-4o-mini-2024-07-18']);
  });
});
