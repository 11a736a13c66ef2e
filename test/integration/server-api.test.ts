import { readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { type Table, tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SliceGroup } from '../../shared/query/slice';
import { cliJson } from '../helpers/cli';
import { type ApiServer, SMALL_DEMO, startApiServer, writeSmallDemo } from '../helpers/api-server';
import { value } from '../helpers/result';


function column(table: Table, name: string): unknown[] {
  return [...(table.getChild(name) ?? [])];
}

/** A raw request, to check what the server does with callers that are not the app. */
function raw(port: number, path: string, options: { method?: string; headers?: Record<string, string>; body?: string; host?: string } = {}): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: { Host: options.host ?? `127.0.0.1:${port}`, ...options.headers } }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('the contract over HTTP (browser mode)', () => {
  let s: ApiServer;
  let demo: string;
  let groups: SliceGroup[];

  beforeAll(async () => {
    s = await startApiServer();
    demo = await writeSmallDemo(join(s.dir, 'demo'));
    ({ groups } = await cliJson<{ groups: SliceGroup[] }>('slice', demo, '--by', 'feature'));
  });
  afterAll(() => s.close());

  it('opens sources with progress events and reports what was loaded', async () => {
    const opened = value(await s.api.openSources({ sources: [demo] }));
    const total = groups.reduce((n, g) => n + g.requests, 0);
    expect(opened.report?.rows.calls).toBe(total);
    expect(opened.workspace.rows.calls).toBe(total);
    expect(opened.workspace.sources.map((x) => x.format).sort()).toEqual(['canonical', 'otlp', 'scores']);
    const max = Date.parse(opened.workspace.timeRange!.max);
    expect(max).toBeLessThanOrEqual(SMALL_DEMO.end.getTime());
    expect(max).toBeGreaterThan(SMALL_DEMO.end.getTime() - 3_600_000);
    await expect.poll(() => s.events.filter((e) => e.type === 'ingestProgress').length).toBeGreaterThan(0);
    const info = value(await s.api.workspaceInfo({}));
    expect(info.report?.rows.calls).toBe(total);
    // Calls that failed before a first token carry no TTFT: coverage is the share of lines that log one.
    const lines = (await readFile(join(demo, 'calls.jsonl'), 'utf8')).split('\n').filter(Boolean);
    const withTtft = lines.filter((l) => (JSON.parse(l) as { latency_ms?: { ttft?: number | null } }).latency_ms?.ttft != null).length;
    expect(withTtft).toBeGreaterThan(0);
    expect(info.coverage['ttft_ms']).toBeCloseTo(withTtft / lines.length, 4);
  });

  it('lists columns with their roles and coverage', async () => {
    const { columns } = value(await s.api.columns({}));
    const feature = columns.find((c) => c.name === 'feature')!;
    expect(feature).toMatchObject({ dimension: true, filterable: true, facet: true, sortable: true, defaultVisible: true, coverage: 1 });
    expect(columns.find((c) => c.name === 'embedding')).toBeUndefined();
  });

  it('counts facet values under a filter, with a search and a limit', async () => {
    const all = value(await s.api.facetValues({ column: 'feature' }));
    expect(all.values.map((v) => [v.value, v.count])).toEqual(groups.map((g) => [g['feature'], g.requests]));
    const searched = value(await s.api.facetValues({ column: 'feature', search: 'BOT', limit: 1 }));
    expect(searched.values).toHaveLength(1);
    expect(searched.distinct).toBe(groups.filter((g) => String(g['feature']).includes('bot')).length);
    const tenants = value(await s.api.facetValues({ column: 'tenant_id', filter: { where: { feature: ['billing_bot'] } } }));
    expect(tenants.values.reduce((n, v) => n + v.count, 0)).toBe(groups.find((g) => g['feature'] === 'billing_bot')!.requests);
    const actions = value(await s.api.facetValues({ column: 'guardrail_action' }));
    expect(actions.values.map((v) => v.value)).toContain('block');
  });

  it('computes slice aggregates like `tracelens slice`', async () => {
    const result = value(await s.api.sliceAggregates({ by: ['feature'] }));
    expect(result.groups).toEqual(groups);
  });

  it('sends a time series with adaptive buckets as Arrow', async () => {
    const series = value(await s.api.timeSeries({ buckets: 100 }));
    expect(series.interval).toBe('1 hour');
    const table = tableFromIPC(series.arrow);
    expect(String(table.schema.fields.find((f) => f.name === 'bucket')?.type)).toBe('Timestamp<MICROSECOND, UTC>');
    const requests = column(table, 'requests') as bigint[];
    expect(requests.reduce((a, b) => a + Number(b), 0)).toBe(groups.reduce((n, g) => n + g.requests, 0));
    const split = value(await s.api.timeSeries({ buckets: 10, by: 'feature', top: 2 }));
    expect(split.interval).toBe('12 hours');
    expect(split.groups).toEqual(groups.slice(0, 2).map((g) => g['feature']));
    expect(new Set(column(tableFromIPC(split.arrow), 'group'))).toEqual(new Set(split.groups));
  });

  it('pages through the calls, sorted and filtered, as Arrow', async () => {
    const billing = groups.find((g) => g['feature'] === 'billing_bot')!.requests;
    const page = value(await s.api.tablePage({ filter: { where: { feature: ['billing_bot'] } }, sort: [{ column: 'total_ms', desc: true }], offset: 5, limit: 10 }));
    expect(page.total).toBe(billing);
    const table = tableFromIPC(page.arrow);
    expect(table.numRows).toBe(10);
    expect(table.schema.fields.map((f) => f.name)).toEqual(page.columns);
    const totals = column(table, 'total_ms') as number[];
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    expect(new Set(column(table, 'feature'))).toEqual(new Set(['billing_bot']));
    const first = tableFromIPC(value(await s.api.tablePage({ filter: { where: { feature: ['billing_bot'] } }, sort: [{ column: 'total_ms', desc: true }], limit: 6 })).arrow);
    expect(column(first, 'request_id')[5]).toBe(column(table, 'request_id')[0]);
    const wide = tableFromIPC(value(await s.api.tablePage({ columns: ['request_id', 'tool_calls', 'tokens_in'], limit: 3 })).arrow);
    expect(wide.schema.fields.map((f) => String(f.type))).toEqual(['Utf8', 'Utf8', 'Int64']);
  });

  it('returns one call with its scores, spans and trace', async () => {
    const { groups: scored } = await cliJson<{ groups: SliceGroup[] }>('slice', demo, '--by', 'feature', '--where', 'feature=refund_copilot');
    expect(scored[0]!.requests).toBeGreaterThan(0);
    const table = tableFromIPC(value(await s.api.tablePage({ filter: { where: { feature: ['refund_copilot'] } }, limit: 200 })).arrow);
    const ids = column(table, 'request_id') as string[];
    const details = [];
    for (const requestId of ids) {
      details.push(value(await s.api.callDetail({ requestId })));
      if (details[details.length - 1]!.scores.length > 0 && details.length >= 20) break;
    }
    const withScores = details.find((d) => d.scores.length > 0)!;
    expect(withScores.call['request_id']).toBeDefined();
    expect(withScores.scores[0]!.name).toBe('faithfulness');
    expect(details.every((d) => d.traceCalls.some((c) => c['request_id'] === d.call['request_id']))).toBe(true);
    const missing = await s.api.callDetail({ requestId: 'no-such-call' });
    expect(missing).toEqual({ ok: false, error: { code: 'not_found', message: expect.stringContaining('no-such-call') } });
  });

  it('remembers recent workspaces', async () => {
    const { workspaces } = value(await s.api.recentWorkspaces({}));
    expect(workspaces[0]!.sources).toEqual([demo]);
  });

  it('refuses API calls without the token', async () => {
    const body = JSON.stringify({});
    const none = await raw(s.server.port, '/api/call/workspaceInfo', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const wrong = await raw(s.server.port, '/api/call/workspaceInfo', { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: 'Bearer wrong' }, body });
    expect(wrong.status).toBe(401);
    const events = await raw(s.server.port, '/api/events');
    expect(events.status).toBe(401);
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    const res = await raw(s.server.port, '/api/call/workspaceInfo', { method: 'POST', host: `evil.example:${s.server.port}`, headers: { Authorization: `Bearer ${s.server.token}`, 'Content-Type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(421);
  });

  it('rejects hostile payloads before they reach the engine', async () => {
    const call = (method: string, body: string) =>
      raw(s.server.port, `/api/call/${method}`, { method: 'POST', headers: { Authorization: `Bearer ${s.server.token}`, 'Content-Type': 'application/json' }, body });
    const injected = await call('facetValues', JSON.stringify({ column: 'feature" FROM calls; DROP TABLE calls; --' }));
    expect(injected.status).toBe(400);
    expect(JSON.parse(injected.body).error.code).toBe('bad_input');
    expect((await call('constructor', '{}')).status).toBe(404);
    expect((await call('tablePage', '{not json')).status).toBe(400);
    // A valid request the engine answers with bad_input (the page shows it) is no bad request: 200.
    const relative = await call('exportCalls', JSON.stringify({ path: 'relative.csv' }));
    expect({ status: relative.status, code: JSON.parse(relative.body).error.code }).toEqual({ status: 200, code: 'bad_input' });
    const value = (await s.api.sliceAggregates({ filter: { where: { feature: ["x' OR '1'='1"] } } }));
    expect(value).toEqual({ ok: true, value: { groups: [expect.objectContaining({ requests: 0 })] } });
  });

  it('answers a batch of calls one line each, every call checked on its own', async () => {
    const post = (body: string, token = s.server.token) =>
      raw(s.server.port, '/api/batch', { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body });
    const calls = [
      { method: 'facetValues', request: { column: 'feature', limit: 2 } },
      { method: 'facetValues', request: { column: 'feature" FROM calls; --' } },
      { method: 'constructor', request: {} },
      { method: 'sliceAggregates' },
    ];
    const res = await post(JSON.stringify({ calls }));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('application/x-ndjson');
    expect(res.headers['x-frame-options']).toBe('DENY');
    const lines = res.body.trim().split('\n').map((l) => JSON.parse(l) as { i: number; result: { ok: boolean; value?: unknown; error?: { code: string } } });
    const byIndex = new Map(lines.map((l) => [l.i, l.result]));
    expect([...byIndex.keys()].sort()).toEqual([0, 1, 2, 3]);
    expect(byIndex.get(0)).toEqual(await s.api.facetValues({ column: 'feature', limit: 2 }));
    expect(byIndex.get(1)?.error?.code).toBe('bad_input');
    expect(byIndex.get(2)?.error?.code).toBe('unknown_request');
    const total = groups.reduce((n, g) => n + g.requests, 0);
    expect(byIndex.get(3)).toEqual({ ok: true, value: { groups: [expect.objectContaining({ requests: total })] } });
    for (const bad of ['{}', '{"calls": []}', '{"calls": [1]}', JSON.stringify({ calls: Array.from({ length: 65 }, () => calls[0]) })]) {
      const refused = await post(bad);
      expect({ bad: bad.slice(0, 20), status: refused.status, code: JSON.parse(refused.body).error.code }).toEqual({ bad: bad.slice(0, 20), status: 400, code: 'bad_input' });
    }
    expect((await post(JSON.stringify({ calls }), 'wrong')).status).toBe(401);
  });

  it('gives calls made together the same answers as calls made one by one (the client batches them)', async () => {
    const requests = [{ column: 'feature' }, { column: 'tenant_id', filter: { where: { feature: ['billing_bot'] } } }, { column: 'guardrail_action' }] as const;
    const sent: string[] = [];
    const fetchAsIs = globalThis.fetch;
    globalThis.fetch = (input, init) => {
      sent.push(String(input).replace(/^http:\/\/[^/]+/, ''));
      return fetchAsIs(input, init);
    };
    let together: unknown[];
    try {
      together = await Promise.all([...requests.map((r) => s.api.facetValues(r)), s.api.facetValues({ column: 'no such' as never })]);
    } finally {
      globalThis.fetch = fetchAsIs;
    }
    expect(sent).toEqual(['/api/batch']);
    const alone: unknown[] = [];
    for (const r of requests) alone.push(await s.api.facetValues(r));
    expect(together.slice(0, 3)).toEqual(alone);
    expect(together[3]).toMatchObject({ ok: false, error: { code: 'bad_input' } });
  });

  it('sends the security headers', async () => {
    const res = await raw(s.server.port, '/api/call/workspaceInfo', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-frame-options']).toBe('DENY');
  });

  it('listens on the loopback interface only', async () => {
    expect(s.server.address).toBe('127.0.0.1');
    const external = Object.values(networkInterfaces()).flat().filter((i) => i && !i.internal && i.family === 'IPv4').map((i) => i!.address);
    for (const address of external) {
      const reached = await new Promise<boolean>((resolve) => {
        const req = request({ host: address, port: s.server.port, path: '/', timeout: 2000 }, () => resolve(true));
        req.on('error', () => resolve(false));
        req.on('timeout', () => { req.destroy(); resolve(false); });
        req.end();
      });
      expect(reached, address).toBe(false);
    }
    expect(s.server.url.startsWith(`http://127.0.0.1:${s.server.port}/`)).toBe(true);
  });
});
