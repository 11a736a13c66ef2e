import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { SliceGroup } from '../../shared/query/slice';
import { cliJson } from '../helpers/cli';

/** Where view screenshots go: test/artifacts by default; TRACELENS_SCREENSHOTS=docs/screenshots refreshes the README's. */
export const SCREENSHOTS = process.env['TRACELENS_SCREENSHOTS'] ?? join('test', 'artifacts', 'screenshots');

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/** The number a KPI or counter carries in data-value. */
export async function numberOf(locator: Locator): Promise<number> {
  return Number(await locator.getAttribute('data-value'));
}

/** The engine's own request count for a slice, through the CLI: what the UI must agree with. */
export async function engineRequests(sources: readonly string[], ...args: string[]): Promise<number> {
  const { groups } = await cliJson<{ groups: SliceGroup[] }>('slice', ...sources, '--by', 'feature', ...args);
  return groups.reduce((n, g) => n + g.requests, 0);
}

/** Goes to a view of the app (the token is already in this page's session storage). */
export async function goto(page: Page, hash: string): Promise<void> {
  await page.goto(`${new URL(page.url()).origin}/${hash}`);
}
