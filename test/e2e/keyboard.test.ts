import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { writeSmallDemo } from '../helpers/api-server';
import { writeLines } from '../helpers/temp';
import { type AppUnderTest, startApp } from './helpers/app';
import { goto } from './explore-helpers';

/** The row index of the calls table's current cell. */
const currentRow = (page: Page) => page.locator('.calls-table [role="gridcell"][aria-selected="true"]').evaluate((cell) => cell.closest('[role="row"]')?.getAttribute('aria-rowindex'));

describe('keyboard flow', () => {
  let app: AppUnderTest;

  beforeAll(async () => {
    // A retried request: two calls of one trace, the newest of all (first in the slice's review queue).
    const retried = ['retry-1', 'retry-2'].map((id, i) => ({ request_id: id, trace_id: 'trace-retried', ts: `2030-01-01T00:00:0${i}Z`, feature: 'faq', ttft_ms: 200, total_ms: 900 }));
    app = await startApp({ sources: async (home) => [await writeSmallDemo(join(home, 'demo')), await writeLines(join(home, 'retried.jsonl'), retried)] });
  });
  afterAll(() => app?.close());

  it('opens a call from the calls table with Enter, closes it with Escape, and the arrows go on from the same cell', async () => {
    const { page, problems } = await app.open();
    await goto(page, '#/table');
    const table = page.getByTestId('calls-table');
    await table.getByTestId('calls-row').first().waitFor();
    await table.focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => currentRow(page)).toBe('3');
    await page.keyboard.press('Enter');
    await page.getByTestId('call-detail').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('call-detail').count()).toBe(0);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => currentRow(page)).toBe('4');
    expect(problems).toEqual([]);
  });

  it('shows the review call without a Close button that would do nothing', async () => {
    const { page, problems } = await app.open();
    await goto(page, '#/review?queue=slice');
    const detail = page.getByTestId('review-current').getByTestId('call-detail');
    await detail.getByTestId('call-input').waitFor();
    expect(await detail.getByTestId('call-detail-close').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('opens another call of the reviewed call\'s trace in Calls (Review has no call of its own to open it in)', async () => {
    const { page, problems } = await app.open();
    await goto(page, '#/review?queue=slice');
    const current = page.getByTestId('review-current');
    await expect.poll(() => current.getAttribute('data-request-id')).toBe('retry-2');
    await current.getByTestId('waterfall').getByRole('button').click();
    await expect.poll(() => new URL(page.url()).hash).toBe('#/table?call=retry-1');
    await expect.poll(() => page.getByTestId('call-detail').getByRole('heading', { level: 2 }).textContent()).toContain('retry-1');
    expect(problems).toEqual([]);
  });
});
