import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromBase64 } from '../../shared/api/base64';
import { decodeArrow, tableRows } from '../../renderer/src/api/arrow';
import { type AppUnderTest, startApp } from './helpers/app';
import { engineRequests, goto, numberOf, screenshot } from './explore-helpers';

describe('explore views in the browser', () => {
  let app: AppUnderTest;
  let total: number;

  beforeAll(async () => {
    app = await startApp();
    total = await engineRequests(app.sources);
  });
  afterAll(() => app?.close());

  it('shows the engine request count, narrows it with a facet click and a brushed range, and keeps the view in the URL', async () => {
    const { page, problems } = await app.open();
    const kpi = page.getByTestId('kpi-requests');
    await expect.poll(() => numberOf(kpi)).toBe(total);
    const ttft = page.getByTestId('chart-ttft');
    await expect.poll(() => ttft.getAttribute('data-summary')).toContain(`${total.toLocaleString('en-US')} calls`);
    await screenshot(page, 'overview');

    // The distribution charts (Arrow from the engine) draw the slice: calls in the histogram and scatter, scores in the trend.
    const counted = async (id: string) => Number((await page.getByTestId(id).getAttribute('data-summary'))?.match(/^(\d+)/)?.[1] ?? 0);
    await expect.poll(() => counted('chart-ttft-histogram')).toBeGreaterThan(0);
    const histogramAll = await counted('chart-ttft-histogram');
    expect(histogramAll).toBeLessThanOrEqual(total);
    await expect.poll(() => counted('chart-scatter')).toBeGreaterThan(0);
    await expect.poll(() => counted('chart-scores')).toBeGreaterThan(0);

    const facet = page.getByTestId('facet-feature').locator('[data-testid="facet-value"][data-value="billing_bot"]');
    await facet.click();
    const billing = await engineRequests(app.sources, '--where', 'feature=billing_bot');
    expect(billing).toBeLessThan(total);
    await expect.poll(() => numberOf(kpi)).toBe(billing);
    await expect.poll(() => ttft.getAttribute('data-summary')).toContain(`${billing.toLocaleString('en-US')} calls`);
    await expect.poll(() => counted('chart-ttft-histogram')).toBeLessThan(histogramAll);
    await expect.poll(() => page.getByTestId('chart-cost').getAttribute('data-summary')).not.toBe('');
    expect(new URL(page.url()).hash).toContain('w.feature=billing_bot');
    expect(await facet.getAttribute('aria-pressed')).toBe('true');

    // Hovering a chart draws its tooltip inside the canvas (no HTML, nothing the CSP refuses).
    const cost = (await page.getByTestId('chart-cost').boundingBox())!;
    await page.mouse.move(cost.x + cost.width / 2, cost.y + cost.height / 2);
    await page.waitForTimeout(200);

    // Drag across the middle of the TTFT timeline: the range lands in the URL and the count is the engine's for it.
    const box = (await ttft.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.6);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.6, { steps: 8 });
    await page.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.6, { steps: 8 });
    await page.mouse.up();
    const range = page.getByTestId('range');
    await expect.poll(() => range.getAttribute('data-since')).not.toBe('');
    const since = (await range.getAttribute('data-since'))!;
    const until = (await range.getAttribute('data-until'))!;
    const inRange = await engineRequests(app.sources, '--where', 'feature=billing_bot', '--since', since, '--until', until);
    expect(inRange).toBeLessThan(billing);
    await expect.poll(() => numberOf(kpi)).toBe(inRange);

    // The URL restores the whole view in a new page.
    const shared = page.url();
    const other = await app.open();
    await other.page.goto(shared.replace(/\/#/, `/?token=${new URL(app.served.url).searchParams.get('token')}#`));
    await expect.poll(() => numberOf(other.page.getByTestId('kpi-requests'))).toBe(inRange);

    await page.getByTestId('range-clear').click();
    await page.getByTestId('filter-chip').getByRole('button').click();
    await expect.poll(() => numberOf(kpi)).toBe(total);
    expect(problems).toEqual([]);
  });

  it("filters to the calls a block chart bar counts: those a guardrail of that dimension blocked", async () => {
    const { page, problems } = await app.open();
    await goto(page, '#/overview');
    const blocks = page.getByTestId('chart-blocks');
    await expect.poll(() => blocks.getAttribute('data-summary')).toMatch(/^\w+: \d+/);
    const [dimension, count] = (await blocks.getAttribute('data-summary'))!.split(', ')[0]!.split(': ') as [string, string];
    expect(await engineRequests(app.sources, '--where', `guardrail_blocked=${dimension}`)).toBe(Number(count));

    await goto(page, `#/overview?w.guardrail_blocked=${dimension}`);
    await expect.poll(() => numberOf(page.getByTestId('kpi-requests'))).toBe(Number(count));
    const chip = page.getByTestId('filter-chip');
    await expect.poll(() => chip.getAttribute('data-column')).toBe('guardrail_blocked');
    expect(await chip.textContent()).toContain(`Blocked by: ${dimension}`);
    expect(problems).toEqual([]);
  });

  it('shows a facet in full on demand and searches within it, with the engine counts', async () => {
    const { page, problems } = await app.open();
    const tenants = page.getByTestId('facet-tenant_id');
    const values = tenants.getByTestId('facet-value');
    await values.first().waitFor();
    expect(await values.count()).toBe(8);
    await tenants.getByRole('button', { name: 'More (12)' }).click();
    await expect.poll(() => values.count()).toBe(12);
    const shownValues = async () => (await values.evaluateAll((els) => els.map((e) => e.getAttribute('data-value') ?? ''))).sort();
    const all = await shownValues();
    const withY = all.filter((v) => v.toLowerCase().includes('y'));
    expect(withY).toContain('tyrell');
    expect(withY.length).toBeLessThan(all.length);
    await tenants.getByRole('searchbox').fill('Y');
    await expect.poll(shownValues).toEqual(withY);
    const shown = Number((await tenants.locator('[data-value="tyrell"] .facet-count').textContent())!.replace(/[^0-9]/g, ''));
    expect(shown).toBe(await engineRequests(app.sources, '--where', 'tenant_id=tyrell'));
    await tenants.getByRole('searchbox').fill('');
    await expect.poll(() => values.count()).toBe(12);
    await tenants.getByRole('button', { name: 'Fewer' }).click();
    await expect.poll(() => values.count()).toBe(8);
    expect(problems).toEqual([]);
  });

  it('pages the calls table from the engine, sorts it, opens a call with its waterfall, and exports the slice', async () => {
    const { page, problems } = await app.open();
    await page.getByTestId('nav-table').click();
    const table = page.getByTestId('calls-table');
    await expect.poll(() => numberOf(page.getByTestId('calls-total'))).toBe(total);
    const rows = table.getByTestId('calls-row');
    await rows.first().waitFor();
    const inDom = await rows.count();
    expect(inDom).toBeGreaterThan(10);
    expect(inDom).toBeLessThan(Math.min(total, 300));
    await table.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect.poll(() => table.locator(`[aria-rowindex="${total + 1}"]`).count()).toBe(1);

    // The engine sorts: one click sorts by TTFT, the next reverses it.
    const hash = () => new URL(page.url()).hash;
    await page.getByTestId('sort-ttft_ms').click();
    await expect.poll(hash).toMatch(/sort=ttft_ms\.(asc|desc)/);
    const firstDirection = hash().includes('ttft_ms.desc') ? 'desc' : 'asc';
    await page.getByTestId('sort-ttft_ms').click();
    const direction = firstDirection === 'desc' ? 'asc' : 'desc';
    await expect.poll(hash).toContain(`sort=ttft_ms.${direction}`);
    await table.evaluate((el) => el.scrollTo(0, 0));
    const column = (await table.getByRole('columnheader').allTextContents()).findIndex((t) => t.trim().startsWith('ttft_ms'));
    const ttftOf = async () => (await rows.evaluateAll((els, c) => els.slice(0, 8).map((e) => e.children[c]?.textContent ?? ''), column)).map(Number);
    await expect.poll(async () => (await ttftOf()).every((v) => !Number.isNaN(v))).toBe(true);
    const values = await ttftOf();
    expect(values).toEqual([...values].sort((a, b) => (direction === 'desc' ? b - a : a - b)));
    await screenshot(page, 'calls');

    // The demo traces with spans: open one from its trace's calls.
    const withSpans = page.getByTestId('facet-feature').locator('[data-testid="facet-value"][data-value="refund_copilot"]');
    await withSpans.click();
    await expect.poll(() => numberOf(page.getByTestId('calls-total'))).toBeLessThan(total);
    await rows.first().click();
    const detail = page.getByTestId('call-detail');
    await detail.waitFor();
    const id = new URL(page.url()).hash.match(/call=([^&]+)/)![1]!;
    await expect(detail.getByRole('heading', { level: 2 }).textContent()).resolves.toContain(decodeURIComponent(id));
    const waterfall = detail.getByTestId('waterfall');
    await waterfall.waitFor();
    const kinds = await waterfall.getByTestId('waterfall-span').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    expect(kinds).toContain('generate');
    await page.keyboard.press('Escape');
    await expect.poll(() => detail.count()).toBe(0);

    await page.getByTestId('export-controls').locator('summary').click();
    const path = join(app.home, 'refund.csv');
    await page.getByTestId('export-path').fill(path);
    await page.getByTestId('export-csv').click();
    await page.getByTestId('export-done').waitFor();
    const refund = await engineRequests(app.sources, '--where', 'feature=refund_copilot');
    const lines = (await readFile(path, 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(refund + 1);
    expect(lines[0]!.split(',')).toContain('request_id');
    expect(problems).toEqual([]);
  });

  it('finds a trace with spans and draws retrieve, tool and guardrail steps', async () => {
    const { page, problems } = await app.open();
    const spans = await findCallWithSpans(page);
    await goto(page, `#/table?call=${encodeURIComponent(spans)}`);
    const waterfall = page.getByTestId('call-detail').getByTestId('waterfall');
    await waterfall.waitFor();
    const kinds = new Set(await waterfall.getByTestId('waterfall-span').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind'))));
    expect(kinds.has('generate')).toBe(true);
    expect(kinds.has('guardrail') || kinds.has('retrieve') || kinds.has('tool')).toBe(true);
    await screenshot(page, 'call-detail');
    expect(problems).toEqual([]);
  });

  it('compares a baseline and an incident window with the engine counts for each', async () => {
    const { page, problems } = await app.open();
    await page.getByTestId('nav-compare').click();
    const view = page.getByTestId('compare-view');
    await view.waitFor();
    const baseline = page.getByTestId('compare-baseline');
    const incident = page.getByTestId('compare-incident');
    const b = [(await baseline.getAttribute('data-since'))!, (await baseline.getAttribute('data-until'))!];
    const i = [(await incident.getAttribute('data-since'))!, (await incident.getAttribute('data-until'))!];
    const expectedB = await engineRequests(app.sources, '--since', b[0]!, '--until', b[1]!);
    const expectedI = await engineRequests(app.sources, '--since', i[0]!, '--until', i[1]!);
    const cell = (id: string) => page.getByTestId(id);
    await expect.poll(async () => Number((await cell('compare-requests-baseline').textContent())?.replace(/\D/g, ''))).toBe(expectedB);
    await expect.poll(async () => Number((await cell('compare-requests-incident').textContent())?.replace(/\D/g, ''))).toBe(expectedI);
    await page.getByTestId('chart-compare-incident').waitFor();
    await screenshot(page, 'compare');

    await page.getByTestId('nav-pivot').click();
    const pivot = page.getByTestId('pivot-table');
    await pivot.waitFor();
    const counts = await pivot.locator('td[data-measure="requests"]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value'))));
    expect(counts.reduce((n, c) => n + c, 0)).toBe(total);
    await screenshot(page, 'pivot');
    await pivot.getByTestId('pivot-row').first().click();
    await expect.poll(() => numberOf(page.getByTestId('calls-total'))).toBe(Math.max(...counts));
    expect(problems).toEqual([]);
  });

  it('shows the ingest report on the Open view in the dark theme', async () => {
    const { page, problems } = await app.open({ colorScheme: 'dark' });
    await page.getByTestId('nav-open').click();
    await expect.poll(() => numberOf(page.getByTestId('report-calls'))).toBe(total);
    await screenshot(page, 'open-dark');
    // Opening a source again from the view: the report is the new workspace's.
    await page.getByTestId('open-sources').fill(app.sources.join('\n'));
    await page.getByTestId('open-submit').click();
    // The view starts afresh once the workspace is open (the form is empty again).
    await expect.poll(() => page.getByTestId('open-sources').inputValue(), { timeout: 30_000 }).toBe('');
    await expect.poll(() => numberOf(page.getByTestId('report-calls'))).toBe(total);
    const missing = join(app.home, 'no-such-dump.jsonl');
    await page.getByTestId('open-sources').fill(missing);
    await page.getByTestId('open-submit').click();
    await expect.poll(async () => (await page.getByTestId('error').textContent()) ?? '').toContain('no-such-dump.jsonl');
    await page.getByTestId('nav-overview').click();
    await page.getByTestId('chart-ttft').waitFor();
    await screenshot(page, 'overview-dark');
    expect(problems).toEqual([]);
  });

  it('opens files picked or dropped in browser mode, copied to the engine since the page cannot name their paths', async () => {
    const { page, problems } = await app.open();
    await page.getByTestId('nav-open').click();
    const demo = app.sources[0]!;
    await page.getByTestId('open-files').setInputFiles(['calls.jsonl', 'scores.jsonl', 'otel-spans.jsonl'].map((f) => join(demo, f)));
    await expect.poll(() => numberOf(page.getByTestId('report-calls')), { timeout: 30_000 }).toBe(total);
    // The view starts afresh once the workspace is open (the form is empty and enabled again): drop on that one.
    await expect.poll(() => page.getByTestId('open-files').isEnabled(), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => page.getByTestId('recent-workspaces').count(), { timeout: 30_000 }).toBe(1);

    const drop = () =>
      page.getByTestId('drop-zone').evaluate((zone) => {
        const transfer = new DataTransfer();
        const lines = ['{"request_id":"drop-1","ts":"2026-11-04T10:00:00Z","feature":"faq"}', '{"request_id":"drop-2","ts":"2026-11-04T10:01:00Z","feature":"faq"}'];
        transfer.items.add(new File([lines.join('\n') + '\n'], 'dropped.jsonl'));
        zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      });
    // A drop that lands on the view as it is being replaced (the workspace just opened) is lost, as a
    // user's would be; the test drops again then, never more than three times.
    for (let attempt = 0; attempt < 3 && (await numberOf(page.getByTestId('report-calls'))) !== 2; attempt++) {
      await drop();
      await expect.poll(() => numberOf(page.getByTestId('report-calls')), { timeout: 10_000 }).toBe(2).catch(() => undefined);
    }
    expect(await numberOf(page.getByTestId('report-calls'))).toBe(2);
    expect(await page.getByTestId('open-view').textContent()).toContain('dropped.jsonl');
    expect(problems).toEqual([]);
  });
});

/** A call whose trace has OTLP spans, through the page's own API client (the first of a few sampled). */
async function findCallWithSpans(page: Page): Promise<string> {
  const call = (method: string, body: unknown) =>
    page.evaluate(
      async ({ method, body }) => {
        const token = sessionStorage.getItem('tracelens.token') ?? '';
        const r = await fetch(`/api/call/${method}`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
        return (await r.json()) as { ok: boolean; value: Record<string, unknown> };
      },
      { method, body },
    );
  const sample = (await call('scatterSample', { limit: 400 })).value['arrow'] as { $bytes: string };
  const ids = tableRows(decodeArrow(fromBase64(sample.$bytes))).map((r) => String(r['request_id']));
  for (const requestId of ids) {
    const detail = await call('callDetail', { requestId });
    if ((detail.value['spans'] as unknown[]).length > 0) return requestId;
  }
  throw new Error('no call with spans in the sample');
}
