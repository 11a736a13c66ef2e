import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSmallDemo } from '../helpers/api-server';
import { type AppUnderTest, startApp } from './helpers/app';

/**
 * Every view opened straight from its URL, as a shared link or a bookmark opens it: nothing run before
 * it (no drift run, no PII scan, no other view's warm-up). The views that build on another's work (Review
 * and Export on a drift run) come first, before anything has run it.
 */
const VIEWS = ['review', 'export', 'pii', 'drift', 'overview', 'table', 'pivot', 'compare', 'settings', 'open'] as const;

describe('every view opened first, from its URL', () => {
  let app: AppUnderTest;

  beforeAll(async () => {
    app = await startApp({ sources: async (home) => [await writeSmallDemo(join(home, 'demo')), '--db', join(home, 'w.duckdb')] });
  });
  afterAll(() => app?.close());

  it.each(VIEWS)('opens %s with no error', async (view) => {
    const { page, problems } = await app.open();
    await page.goto(`${new URL(page.url()).origin}/#/${view}`);
    await expect.poll(() => page.getByTestId(`nav-${view}`).getAttribute('aria-current')).toBe('page');
    // Settled: nothing loading or busy for a moment.
    await page.waitForFunction(() => !document.querySelector('[role="status"].loading, [aria-busy="true"]'), undefined, { timeout: 30_000, polling: 100 });
    await page.waitForTimeout(300);
    await page.waitForFunction(() => !document.querySelector('[role="status"].loading, [aria-busy="true"]'), undefined, { timeout: 30_000, polling: 100 });
    const errors = await page.getByTestId('error').allTextContents();
    expect(errors).toEqual([]);
    expect(problems).toEqual([]);
  });
});
