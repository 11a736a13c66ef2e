import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Opens a label field with its key and waits until typing goes into it. */
export async function edit(page: Page, key: 'n' | 'e', text: string): Promise<void> {
  await page.keyboard.press(key);
  const field = key === 'n' ? 'label-note' : 'label-expected';
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(field);
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await page.getByTestId(field).waitFor({ state: 'detached' });
}

/** The call the Review screen shows. */
export const current = (page: Page) => page.getByTestId('review-current').getAttribute('data-request-id');
