import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiServer, startApiServer, writeSmallDemo } from '../helpers/api-server';
import { value } from '../helpers/result';


describe('chart and export methods over HTTP', () => {
  let s: ApiServer;
  let calls: number;

  beforeAll(async () => {
    s = await startApiServer();
    const demo = await writeSmallDemo(join(s.dir, 'demo'), { days: 2, callsPerDay: 200 });
    calls = value(await s.api.openSources({ sources: [demo] })).workspace.rows.calls;
  });
  afterAll(() => s?.close());

  it('buckets TTFT on a log scale from 50 ms, every call with a TTFT counted once', async () => {
    const { buckets } = value(await s.api.latencyHistogram({}));
    const withTtft = value(await s.api.tablePage({ columns: ['ttft_ms'], limit: 1000, sort: [{ column: 'ttft_ms', desc: false }] }));
    expect(buckets[0]).toMatchObject({ lo: 0, hi: 50 });
    expect(buckets[1]).toMatchObject({ lo: 50, hi: 100 });
    for (let i = 2; i < buckets.length; i++) expect(buckets[i]!.lo).toBe(buckets[i - 1]!.hi);
    const counted = buckets.reduce((n, b) => n + b.count, 0);
    expect(counted).toBeGreaterThan(0);
    expect(counted).toBeLessThanOrEqual(withTtft.total);
    const billing = value(await s.api.latencyHistogram({ filter: { where: { feature: ['billing_bot'] } } }));
    expect(billing.buckets.reduce((n, b) => n + b.count, 0)).toBeLessThan(counted);
  });

  it('samples the same points for the same slice, at most the limit', async () => {
    const a = value(await s.api.scatterSample({ limit: 50 }));
    const b = value(await s.api.scatterSample({ limit: 50 }));
    expect(a.points).toHaveLength(50);
    expect(a.points).toEqual(b.points);
    expect(a.total).toBeLessThanOrEqual(calls);
  });

  it('rolls score means over 7 days, weighted by volume, with the sample counts', async () => {
    const { points } = value(await s.api.scoreTrend({}));
    const faithfulness = points.filter((p) => p.name === 'faithfulness');
    expect(faithfulness.length).toBeGreaterThan(0);
    let window = 0;
    for (const p of faithfulness) {
      window += p.count;
      expect(p.windowCount).toBe(window);
      expect(p.mean).toBeGreaterThanOrEqual(0);
      expect(p.mean).toBeLessThanOrEqual(1);
    }
    const billing = value(await s.api.scoreTrend({ filter: { where: { feature: ['billing_bot'] } } }));
    const count = (list: readonly { name: string; count: number }[]) => list.filter((p) => p.name === 'faithfulness').reduce((n, p) => n + p.count, 0);
    expect(count(billing.points)).toBeLessThan(count(points));
  });

  it('exports the slice to CSV and JSONL and refuses to overwrite a file', async () => {
    const filter = { where: { feature: ['billing_bot'] } };
    const expected = value(await s.api.tablePage({ filter, limit: 1 })).total;
    const csv = value(await s.api.exportCalls({ filter, format: 'csv', columns: ['request_id', 'feature'], path: join(s.dir, 'slice.csv') }));
    expect(csv.rows).toBe(expected);
    const lines = (await readFile(csv.path, 'utf8')).trim().split('\n');
    expect(lines[0]).toBe('request_id,feature');
    expect(lines).toHaveLength(expected + 1);
    const jsonl = value(await s.api.exportCalls({ filter, format: 'jsonl', path: join(s.dir, 'slice.jsonl') }));
    const rows = (await readFile(jsonl.path, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows).toHaveLength(expected);
    expect(rows.every((r) => r['feature'] === 'billing_bot')).toBe(true);
    const again = await s.api.exportCalls({ filter, format: 'csv', path: csv.path });
    expect(again.ok ? '' : again.error.message).toMatch(/already exists/);
  });
});
