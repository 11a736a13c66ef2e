import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSmallDemo } from '../helpers/api-server';
import { type AppUnderTest, startApp } from './helpers/app';
import { goto } from './explore-helpers';

/** A feature name with no break opportunity, as a hostile or broken logger may write one. */
const UNBROKEN = `feature_${'x'.repeat(300)}`;

function longCall(i: number): Record<string, unknown> {
  return {
    request_id: `long-${i}`,
    ts: new Date(Date.UTC(2026, 10, 1, 12, i)).toISOString(),
    feature: UNBROKEN,
    tenant_id: 'acme',
    model_requested: 'gpt-4o',
    tokens_in: 100,
    tokens_out: 50,
    cost_usd: 0.002,
    ttft_ms: 300,
    total_ms: 1800,
    input_preview: 'A'.repeat(3000),
  };
}

/** What a user sees at the two window sizes the app supports: text whole, nothing cut off or pushed out of view. */
describe('layout at 1280x800 and 1024x700', () => {
  let app: AppUnderTest;

  beforeAll(async () => {
    app = await startApp({
      sources: async (home) => {
        const long = join(home, 'long.jsonl');
        await writeFile(long, [0, 1].map((i) => JSON.stringify(longCall(i))).join('\n') + '\n');
        return [await writeSmallDemo(join(home, 'demo')), long];
      },
    });
  });
  afterAll(() => app?.close());

  it.each([
    [1280, 800],
    [1024, 700],
  ])('shows every KPI card of the Overview whole at %ix%i', async (width, height) => {
    const { page, problems } = await app.open();
    await page.setViewportSize({ width, height });
    await goto(page, '#/overview');
    const cards = page.locator('.overview .kpi');
    await expect.poll(() => page.getByTestId('kpi-cost').textContent()).toMatch(/\$\d/);
    expect(await cards.count()).toBe(8);
    const cut = await cards.evaluateAll((els) =>
      els.flatMap((card) => Array.from(card.querySelectorAll('dt, dd')).filter((e) => e.scrollWidth > e.clientWidth).map((e) => e.textContent)),
    );
    expect(cut).toEqual([]);
    expect(problems).toEqual([]);
  });

  it.each([
    [1280, 800],
    [1024, 700],
  ])('fits the calls table to the window at %ix%i, with filter chips and the selection bar showing', async (width, height) => {
    const { page, problems } = await app.open();
    await page.setViewportSize({ width, height });
    await goto(page, '#/table?w.tenant_id=acme');
    await page.getByTestId('filter-chip').waitFor();
    const table = page.getByTestId('calls-table');
    await table.getByTestId('calls-select').first().check();
    await page.getByTestId('bulk-label').waitFor();
    // The table scrolls its rows; the page around it has nothing more to scroll.
    const main = await page.locator('main').evaluate((m) => ({ scroll: m.scrollHeight, client: m.clientHeight }));
    expect(main.scroll).toBeLessThanOrEqual(main.client);
    const box = (await table.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(height);
    expect(box.height).toBeGreaterThan(height / 3);
    expect(problems).toEqual([]);
  });

  it('keeps a filter chip on one line however long its value', async () => {
    const { page, problems } = await app.open();
    await page.setViewportSize({ width: 1024, height: 700 });
    await goto(page, `#/overview?w.feature=${UNBROKEN}`);
    const chip = page.getByTestId('filter-chip');
    await chip.waitFor();
    expect(await chip.getAttribute('data-value')).toBe(UNBROKEN);
    const height = await chip.evaluate((c) => c.getBoundingClientRect().height);
    expect(height).toBeLessThan(40);
    expect(problems).toEqual([]);
  });

  it('keeps pivot row names whole, and an unbroken one from pushing the measures out of view', async () => {
    const { page, problems } = await app.open();
    await page.setViewportSize({ width: 1024, height: 700 });
    await goto(page, '#/pivot?rows=feature');
    const table = page.getByTestId('pivot-table');
    await table.waitFor();
    const names = await table.locator('td.pivot-dim').evaluateAll((cells) =>
      cells.map((cell) => {
        const text = cell.querySelector('.plain-text')!;
        const lines = Math.round(text.getBoundingClientRect().height / parseFloat(getComputedStyle(text).lineHeight));
        return { name: text.textContent ?? '', lines, width: text.getBoundingClientRect().width, em: parseFloat(getComputedStyle(text).fontSize) };
      }),
    );
    const demo = names.filter((n) => n.name !== UNBROKEN);
    expect(demo.length).toBeGreaterThan(2);
    for (const n of demo) expect(n, n.name).toMatchObject({ lines: 1 });
    const unbroken = names.find((n) => n.name === UNBROKEN)!;
    expect(unbroken.lines).toBeGreaterThan(1);
    expect(unbroken.width).toBeLessThan(30 * unbroken.em);
    // The request counts stay on screen, right of the names, without scrolling the table.
    const requests = (await table.locator('td[data-measure="requests"]').first().boundingBox())!;
    expect(requests.x + requests.width).toBeLessThanOrEqual(1024);
    expect(problems).toEqual([]);
  });
});
