import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DriftAlert, DriftReport } from '../../shared/drift/types';
import { cli } from '../helpers/cli';
import { driftCall, END } from '../helpers/drift-calls';
import { tempDir, writeLines } from '../helpers/temp';

const DAY_MIN = 24 * 60;
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** Calls exercising what the demo dataset does not: logged embeddings, vendor error spellings, unknown models, hostile slice values. */
function calls(): Record<string, unknown>[] {
  const embedded = [
    ...range(60).map((i) => driftCall(10 * DAY_MIN + i * 60, { feature: 'emb', embedding: [1, 0.05 * (i % 3), 0] })),
    ...range(60).map((i) => driftCall(2 * DAY_MIN + i * 30, { feature: 'emb', embedding: [0.1, 1, 0.05 * (i % 2)] })),
  ];
  const kinds = [...range(5).map(() => ({ error_class: 'RateLimitError' })), ...range(4).map(() => ({ error_class: 'overloaded_error' })), ...range(4).map(() => ({ error_class: 'context_length_exceeded' })), ...range(3).map(() => ({ tokens_out: 0 })), ...range(14).map(() => ({}))];
  const burst = kinds.map((fields, i) => driftCall(59.5 - i / 30, { feature: 'errs', provider: 'vendorx', ...fields }));
  const unknown = range(25).map((i) => driftCall(DAY_MIN + i, { feature: 'ft', model: 'my-finetune-v1', cost_usd: 0.01 }));
  const tools = Array.from({ length: 10 }, () => ({ name: 'search', args_hash: 'same' }));
  const loops = range(3).map((i) => driftCall(120 + i, { feature: 'agent', tenant_id: "o'brien' OR '1'='1", tool_calls: tools, cost_usd: 0.5 }));
  return [...embedded, ...burst, ...unknown, ...loops, driftCall(0.001 / 60)];
}

describe('drift engine on hand-built calls', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let file: string;
  let report: DriftReport;

  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir());
    file = await writeLines(join(dir, 'calls.jsonl'), calls());
    const result = await cli('drift', file, '--json');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    report = JSON.parse(result.stdout) as DriftReport;
  });
  afterAll(() => cleanup());

  const alerts = (check: string): DriftAlert[] => report.alerts.filter((a) => a.check === check);

  it('uses the logged embedding column for answer_drift when the dump has one', () => {
    expect(new Date(END - 1).toISOString()).toBe(report.as_of);
    const [drift] = alerts('answer_drift');
    expect(drift).toMatchObject({ slice: { feature: 'emb' }, threshold: 0.92, severity: 'ticket' });
    expect(drift!.value).toBeLessThan(0.3);
    expect(drift!.message).toContain('the logged answer embeddings');
    expect(drift!.exemplars).toHaveLength(20);
    expect(drift!.exemplars.every((id) => Number(id.slice(5)) > 60 && Number(id.slice(5)) <= 120)).toBe(true);
    expect(report.checks.find((c) => c.check === 'answer_drift')!.reason).toContain('logged answer embeddings');
  });

  it('recognizes vendor spellings of typed errors and an empty completion without an error', () => {
    const vendor = alerts('error_rate_spike').filter((a) => a.slice['provider'] === 'vendorx');
    expect(vendor.map((a) => [a.severity, a.message.split(' on ')[0]])).toEqual([
      ['page', 'HTTP 429 rate limits'],
      ['page', 'provider 5xx errors'],
      ['ticket', 'context overflows'],
      ['warn', 'empty completions'],
    ]);
    const [rateLimits, , overflow] = vendor;
    expect(rateLimits!.value).toBeCloseTo(5 / 30, 4);
    expect(rateLimits!.window).toEqual({ from: '2026-11-04T11:00:00.000Z', to: '2026-11-04T11:05:00.000Z' });
    expect(rateLimits!.exemplars).toHaveLength(5);
    // Three 15-minute windows hold the burst equally; the earliest is reported.
    expect(overflow!.window).toEqual({ from: '2026-11-04T10:50:00.000Z', to: '2026-11-04T11:05:00.000Z' });
  });

  it('reports a model missing from the price table instead of pricing it at zero', () => {
    const unknown = alerts('cost_mismatch').find((a) => a.slice['model_resolved'] === 'my-finetune-v1');
    expect(unknown).toMatchObject({ severity: 'warn', value: 0.25, baseline: null });
    expect(unknown!.runbook).toContain('--prices');
  });

  it('binds slice values: a tenant named like SQL still gets its own exemplars', () => {
    const [loop] = alerts('tool_loop');
    expect(loop!.slice).toEqual({ feature: 'agent', tenant_id: "o'brien' OR '1'='1" });
    expect(loop!.exemplars).toHaveLength(3);
    expect(loop!.value).toBe(3);
  });

  it('rejects bad input with a one-line message naming the problem (exit 2)', async () => {
    const rules = join(dir, 'rules.json');
    await writeFile(rules, JSON.stringify({ checks: { refusal_spike: { ratio: 2, min_blokcs: 3 } } }));
    const badRules = await cli('drift', file, '--rules', rules);
    expect(badRules.code).toBe(2);
    expect(badRules.stderr).toMatch(/^tracelens drift: rules file .*rules\.json: unknown key "checks\.refusal_spike\.min_blokcs"; refusal_spike takes: .*\n$/);

    await writeFile(rules, 'checks:\n  tool_loop: [1, 2\n');
    expect((await cli('drift', file, '--rules', rules)).stderr).toMatch(/is not valid JSON or YAML/);

    const prices = join(dir, 'prices.json');
    await writeFile(prices, JSON.stringify({ version: '1', per_million_tokens: { 'gpt-4o': { input: 'cheap', output: 1 } } }));
    const badPrices = await cli('drift', file, '--prices', prices);
    expect(badPrices.code).toBe(2);
    expect(badPrices.stderr).toContain('"per_million_tokens.gpt-4o.input" must be a number');
    await writeFile(prices, 'garbage\n{"version": "1"}\n');
    const notJson = await cli('drift', file, '--prices', prices);
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toMatch(/^tracelens drift: price table .*prices\.json is not valid JSON: [^\n]+\n$/);

    expect((await cli('drift', file, '--fail-on', 'sometimes')).stderr).toContain('--fail-on takes one of: page, ticket, warn');
    expect((await cli('drift', file, '--as-of', 'yesterday')).code).toBe(2);
    expect((await cli('drift', file, '--prices', join(dir, 'missing.json'))).stderr).toContain('no such file');
    const early = await cli('drift', file, '--as-of', '2020-01-01T00:00:00Z');
    expect(early.code).toBe(2);
    expect(early.stderr).toBe('tracelens drift: no calls at or before 2020-01-01T00:00:00.000Z\n');
  });
});
