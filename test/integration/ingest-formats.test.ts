import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '../../electron/engine/db';
import { ingestFiles } from '../../electron/engine/ingest';
import { sliceAggregates } from '../../electron/engine/slice';
import { Workspace } from '../../electron/engine/workspace';
import { resolveSources } from '../../electron/sources/resolve';
import { DEFAULT_DEMO, generateDemo } from '../../shared/demo/generate';
import { otlpLine } from '../helpers/otlp';
import { tempDir, writeLines } from '../helpers/temp';

type Call = Record<string, unknown>;

async function load(paths: string[], path?: string) {
  const workspace = await Workspace.open({ path });
  const report = await ingestFiles(workspace, await resolveSources(paths));
  return { workspace, report };
}

async function perFeature(workspace: Workspace) {
  const groups = await sliceAggregates(workspace, { by: ['feature'] });
  return groups.map((g) => ({ feature: g['feature'], requests: g.requests, tokens_in: g.tokens_in, tokens_out: g.tokens_out })).sort((a, b) => String(a.feature).localeCompare(String(b.feature)));
}

describe('formats', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let calls: Call[];
  let canonical: string;

  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir());
    calls = [...generateDemo({ ...DEFAULT_DEMO, days: 2, callsPerDay: 300, incidents: ['agent_loop'] })].filter((r) => r.kind === 'call').map((r) => r.value);
    canonical = await writeLines(join(dir, 'calls.jsonl'), calls);
  });
  afterAll(() => cleanup());

  it('loads the same calls from canonical JSONL, JSONL.gz, Parquet and OTLP JSON with the same per-feature numbers', async () => {
    const gz = await writeLines(join(dir, 'calls.jsonl.gz'), calls, { gzip: true });
    const parquet = join(dir, 'calls.parquet');
    const db = await Db.open();
    await db.exec(`COPY (SELECT * FROM read_json($1, format = 'newline_delimited')) TO '${parquet}' (FORMAT parquet)`, [canonical]);
    db.close();
    const otlp = await writeLines(join(dir, 'calls.otlp.jsonl'), Array.from({ length: Math.ceil(calls.length / 50) }, (_, i) => otlpLine(calls.slice(i * 50, i * 50 + 50))));
    const otlpOld = await writeLines(join(dir, 'calls.otlp-old.jsonl'), [otlpLine(calls, { oldConventions: true })]);

    const expected = await load([canonical]).then(async ({ workspace }) => {
      const numbers = await perFeature(workspace);
      workspace.close();
      return numbers;
    });
    expect(expected.reduce((s, g) => s + g.requests, 0)).toBe(calls.length);
    expect(expected.reduce((s, g) => s + g.tokens_in, 0)).toBe(calls.reduce((s, c) => s + Number(c['tokens_in']), 0));

    for (const [path, format] of [[gz, 'canonical'], [parquet, 'canonical-parquet'], [otlp, 'otlp'], [otlpOld, 'otlp']] as const) {
      const { workspace, report } = await load([path]);
      expect(report.sources[0]!.format, path).toBe(format);
      expect(report.skipped, path).toBe(0);
      expect(await perFeature(workspace), path).toEqual(expected);
      workspace.close();
    }
  });

  it('maps OTLP GenAI attributes onto call columns and keeps every span', async () => {
    const call = calls.find((c) => (c['latency_ms'] as { ttft: number | null }).ttft !== null)!;
    const file = await writeLines(join(dir, 'one.otlp.jsonl'), [otlpLine([call])]);
    const { workspace, report } = await load([file]);
    expect(report.rows).toEqual({ calls: 1, scores: 0, spans: 1 });
    const row = await workspace.db.one(
      'SELECT request_id, trace_id, ts, model_requested, model_resolved, provider, tokens_in, tokens_out, ttft_ms, total_ms, finish_reason, feature, tenant_id FROM calls',
    );
    const latency = call['latency_ms'] as { ttft: number; total: number };
    expect(row).toEqual({
      request_id: call['request_id'],
      trace_id: call['trace_id'],
      ts: call['ts'],
      model_requested: call['model_requested'],
      model_resolved: call['model_resolved'],
      provider: call['provider'],
      tokens_in: call['tokens_in'],
      tokens_out: call['tokens_out'],
      ttft_ms: latency.ttft,
      total_ms: latency.total,
      finish_reason: call['finish_reason'],
      feature: call['feature'],
      tenant_id: call['tenant_id'],
    });
    expect(await workspace.db.one('SELECT kind, request_id FROM spans')).toEqual({ kind: 'generate', request_id: call['request_id'] });
    workspace.close();
  });

  it('maps the alias table: timestamp epochs, tenant, a single model, flat and nested latency, usage blocks; unknown fields go to metadata', async () => {
    const file = await writeLines(join(dir, 'aliases.jsonl'), [
      { id: 'a1', timestamp: 1_793_800_800_000, tenant: 'acme', model: 'gpt-4o', ttft_ms: 120, total_ms: 900, usage: { prompt_tokens: 11, completion_tokens: 4 }, region: 'eu-west-1' },
      { requestId: 'a2', start_time: '2026-11-04T10:00:00+02:00', tenant_id: 'globex', model_requested: 'x', model_resolved: 'y', latency_ms: { ttft: 50, total: 250 }, input_tokens: 3, output_tokens: 2, metadata: { feature: 'search_answer', user_locale: 'de-DE' } },
      { request_id: 'a3', time: 1_793_800_800, latency_ms: 700, prompt_tokens: 1, completion_tokens: 1, vendor: 'anthropic', error: { type: 'rate_limit_429' } },
    ]);
    const { workspace, report } = await load([file]);
    expect(report.errors).toEqual([]);
    const rows = await workspace.db.all(
      'SELECT request_id, ts, tenant_id, model_requested, model_resolved, ttft_ms, total_ms, decode_ms, tokens_in, tokens_out, feature, locale, provider, error_class, metadata FROM calls ORDER BY request_id',
    );
    expect(rows).toEqual([
      { request_id: 'a1', ts: new Date(1_793_800_800_000).toISOString(), tenant_id: 'acme', model_requested: 'gpt-4o', model_resolved: 'gpt-4o', ttft_ms: 120, total_ms: 900, decode_ms: 780, tokens_in: 11, tokens_out: 4, feature: null, locale: null, provider: null, error_class: null, metadata: '{"region":"eu-west-1"}' },
      { request_id: 'a2', ts: '2026-11-04T08:00:00.000Z', tenant_id: 'globex', model_requested: 'x', model_resolved: 'y', ttft_ms: 50, total_ms: 250, decode_ms: 200, tokens_in: 3, tokens_out: 2, feature: 'search_answer', locale: 'de-DE', provider: null, error_class: null, metadata: '{"feature":"search_answer","user_locale":"de-DE"}' },
      { request_id: 'a3', ts: new Date(1_793_800_800_000).toISOString(), tenant_id: null, model_requested: null, model_resolved: null, ttft_ms: null, total_ms: 700, decode_ms: null, tokens_in: 1, tokens_out: 1, feature: null, locale: null, provider: 'anthropic', error_class: 'rate_limit_429', metadata: null },
    ]);
    workspace.close();
  });

  it('reads a metadata alias only where the top-level field is missing or empty, and keeps metadata only when it is an object', async () => {
    const file = await writeLines(join(dir, 'metadata-aliases.jsonl'), [
      { request_id: 'm1', feature: 'top', tenant_id: '', metadata: { feature: 'inner', tenant_id: 'acme', user_locale: '' } },
      { request_id: 'm2', feature: '', metadata: { feature: '', prompt_version: 'v2' } },
      { request_id: 'm3', feature: null, metadata: '{"feature": "not an object"}' },
      { request_id: 'm4', metadata: [{ feature: 'in a list' }] },
      { trace_id: 't5', metadata: { feature: 'only inside' } },
    ]);
    const { workspace, report } = await load([file]);
    expect(report.errors).toEqual([]);
    const rows = await workspace.db.all('SELECT request_id, feature, tenant_id, prompt_version, locale, metadata FROM calls ORDER BY trace_id NULLS FIRST, request_id');
    expect(rows).toEqual([
      { request_id: 'm1', feature: 'top', tenant_id: 'acme', prompt_version: null, locale: null, metadata: '{"feature":"inner","tenant_id":"acme","user_locale":""}' },
      { request_id: 'm2', feature: null, tenant_id: null, prompt_version: 'v2', locale: null, metadata: '{"feature":"","prompt_version":"v2"}' },
      { request_id: 'm3', feature: null, tenant_id: null, prompt_version: null, locale: null, metadata: null },
      { request_id: 'm4', feature: null, tenant_id: null, prompt_version: null, locale: null, metadata: null },
      { request_id: expect.stringMatching(/^auto-[0-9a-f]{16}$/), feature: 'only inside', tenant_id: null, prompt_version: null, locale: null, metadata: '{"feature":"only inside"}' },
    ]);
    workspace.close();
  });

  it('loads score records from their own file and inline on calls', async () => {
    const scores = await writeLines(join(dir, 'scores.jsonl'), [
      { request_id: 'c1', name: 'faithfulness', value: 0.82, source: 'judge', ts: '2026-11-04T10:00:00Z' },
      { request_id: 'c1', name: 'thumbs', value: 'down', source: 'human' },
      { run_id: 'c2', key: 'helpfulness', score: '0.5' },
      { request_id: 'c3', value: 1 },
    ]);
    const inline = await writeLines(join(dir, 'inline.jsonl'), [{ request_id: 'c4', model: 'm', scores: [{ name: 'faithfulness', value: 0.4, source: 'judge' }] }]);
    const { workspace, report } = await load([scores, inline]);
    expect(report.rows).toEqual({ calls: 1, scores: 4, spans: 0 });
    expect(report.sources.map((s) => s.format)).toEqual(['scores', 'canonical']);
    expect(report.errors).toEqual([{ source: scores, line: 4, reason: 'a score record needs a name and a request or trace id' }]);
    expect(await workspace.db.all('SELECT request_id, name, value, label, source FROM scores ORDER BY request_id, name')).toEqual([
      { request_id: 'c1', name: 'faithfulness', value: 0.82, label: null, source: 'judge' },
      { request_id: 'c1', name: 'thumbs', value: 0, label: 'down', source: 'human' },
      { request_id: 'c2', name: 'helpfulness', value: 0.5, label: null, source: null },
      { request_id: 'c4', name: 'faithfulness', value: 0.4, label: null, source: 'judge' },
    ]);
    workspace.close();
  });

  it('loads a folder recursively and a glob, each file once', async () => {
    const nested = join(dir, 'tree', '2026', '11');
    await mkdir(nested, { recursive: true });
    await writeLines(join(nested, 'a.jsonl'), [{ request_id: 'f1', model: 'm' }]);
    await writeLines(join(dir, 'tree', 'b.jsonl.gz'), [{ request_id: 'f2', model: 'm' }], { gzip: true });
    await writeLines(join(dir, 'tree', 'notes.txt'), ['not a dump']);
    const folder = await load([join(dir, 'tree')]);
    expect(folder.report.rows.calls).toBe(2);
    expect(folder.report.sources).toHaveLength(2);
    folder.workspace.close();
    const glob = await load([join(dir, 'tree', '**', '*.jsonl'), join(dir, 'tree', '2026', '11', 'a.jsonl')]);
    expect(glob.report.sources.map((s) => s.uri)).toEqual([join(nested, 'a.jsonl')]);
    glob.workspace.close();
  });

  it('persists to a workspace file and replaces, not duplicates, a source loaded again', async () => {
    const db = join(dir, 'w.duckdb');
    const first = await load([canonical], db);
    expect(first.report.rows.calls).toBe(calls.length);
    first.workspace.close();
    const again = await load([canonical], db);
    expect(Number((await again.workspace.db.one('SELECT count(*) AS n FROM calls'))!['n'])).toBe(calls.length);
    again.workspace.close();
    await writeLines(canonical, calls.slice(0, 10));
    const changed = await load([canonical], db);
    expect(Number((await changed.workspace.db.one('SELECT count(*) AS n FROM calls'))!['n'])).toBe(10);
    changed.workspace.close();
    await writeLines(canonical, calls);
  });

  it('reports schema coverage: what share of calls logs each canonical field', async () => {
    const file = await writeLines(join(dir, 'sparse.jsonl'), [
      { request_id: 's1', model: 'm', prompt_version: 'v1', ttft_ms: 5 },
      { request_id: 's2', model: 'm' },
      { request_id: 's3', model: 'm' },
      { request_id: 's4', model: 'm', retrieval_ids: [] },
    ]);
    const { workspace, report } = await load([file]);
    expect(report.coverage['request_id']).toBe(1);
    expect(report.coverage['model_resolved']).toBe(1);
    expect(report.coverage['prompt_version']).toBe(0.25);
    expect(report.coverage['ttft_ms']).toBe(0.25);
    expect(report.coverage['tenant_id']).toBe(0);
    expect(report.coverage['retrieval_ids']).toBe(0);
    workspace.close();
  });
});
