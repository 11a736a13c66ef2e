import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeArrow, type PlainRow, tableRows } from '../../renderer/src/api/arrow';
import { type ApiServer, startApiServer, writeSmallDemo } from '../helpers/api-server';
import { value } from '../helpers/result';

/** Chart series arrive as Arrow IPC bytes: decoded as the renderer decodes them. */
const rows = (payload: { arrow: Uint8Array }): PlainRow[] => tableRows(decodeArrow(payload.arrow));
const num = (row: PlainRow | undefined, key: string): number => Number(row?.[key]);

describe('chart and export methods over HTTP', () => {
  let s: ApiServer;
  let calls: number;

  beforeAll(async () => {
    s = await startApiServer();
    const demo = await writeSmallDemo(join(s.dir, 'demo'), { days: 2, callsPerDay: 200 });
    calls = value(await s.api.openSources({ sources: [demo] })).workspace.rows.calls;
  });
  afterAll(() => s?.close());

  it('buckets TTFT on a log scale from 50 ms, every call with a TTFT counted once in its bucket', async () => {
    const histogram = value(await s.api.latencyHistogram({}));
    expect(histogram).toMatchObject({ column: 'ttft_ms', start: 50 });
    const buckets = rows(histogram);
    expect(buckets[0]).toEqual({ lo: 0, hi: 50, count: expect.any(Number) });
    expect(buckets[1]).toMatchObject({ lo: 50, hi: 100 });
    for (let i = 2; i < buckets.length; i++) expect(num(buckets[i], 'lo')).toBe(num(buckets[i - 1], 'hi'));
    const page = value(await s.api.tablePage({ columns: ['ttft_ms'], limit: 1000, sort: [{ column: 'ttft_ms', desc: false }] }));
    expect(page.total).toBe(calls);
    const ttfts = rows(page).map((r) => r['ttft_ms']).filter((v): v is number => typeof v === 'number');
    const expected = buckets.map((b) => ttfts.filter((t) => t >= num(b, 'lo') && t < num(b, 'hi')).length);
    expect(buckets.map((b) => num(b, 'count'))).toEqual(expected);
    expect(expected.reduce((a, b) => a + b, 0)).toBe(ttfts.length);
    const billing = rows(value(await s.api.latencyHistogram({ filter: { where: { feature: ['billing_bot'] } } })));
    expect(billing.reduce((n, b) => n + num(b, 'count'), 0)).toBeLessThan(ttfts.length);
  });

  it('samples the same points for the same slice, at most the limit', async () => {
    const a = value(await s.api.scatterSample({ limit: 50 }));
    const b = value(await s.api.scatterSample({ limit: 50 }));
    const points = rows(a);
    expect(points).toHaveLength(50);
    expect(points).toEqual(rows(b));
    expect(a.total).toBeGreaterThan(50);
    expect(a.total).toBeLessThanOrEqual(calls);
    for (const p of points) {
      expect(typeof p['request_id']).toBe('string');
      expect(num(p, 'tokens_out')).toBeGreaterThanOrEqual(0);
      expect(num(p, 'total_ms')).toBeGreaterThan(0);
    }
  });

  it('rolls score means over 7 days, weighted by volume, with the sample counts', async () => {
    const points = rows(value(await s.api.scoreTrend({})));
    const faithfulness = points.filter((p) => p['name'] === 'faithfulness');
    expect(faithfulness.length).toBeGreaterThan(0);
    let window = 0;
    for (const p of faithfulness) {
      expect(p['day']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      window += num(p, 'count');
      expect(num(p, 'window_count')).toBe(window);
      expect(num(p, 'mean')).toBeGreaterThanOrEqual(0);
      expect(num(p, 'mean')).toBeLessThanOrEqual(1);
    }
    const billing = rows(value(await s.api.scoreTrend({ filter: { where: { feature: ['billing_bot'] } } })));
    const count = (list: readonly PlainRow[]) => list.filter((p) => p['name'] === 'faithfulness').reduce((n, p) => n + num(p, 'count'), 0);
    expect(count(billing)).toBeLessThan(count(points));
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
