import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type AppUnderTest, startApp } from './helpers/app';
import { goto } from './explore-helpers';

/** The row index of the calls table's current cell. */
const currentRow = (page: Page) => page.locator('.calls-table [role="gridcell"][aria-selected="true"]').evaluate((cell) => cell.closest('[role="row"]')?.getAttribute('aria-rowindex'));

describe('keyboard flow', () => {
  let app: AppUnderTest;

  beforeAll(async () => {
    app = await startApp();
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
});
