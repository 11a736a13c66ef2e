import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journalPathFor } from '../../electron/engine/review/journal-path';
import { writeSmallDemo } from '../helpers/api-server';
import { goto } from './explore-helpers';
import { type AppUnderTest, startApp } from './helpers/app';
import { current, edit } from './review-helpers';

describe('review drafts and queue picking', () => {
  let app: AppUnderTest;
  let db: string;

  beforeAll(async () => {
    app = await startApp({
      sources: async (home) => {
        db = join(home, 'w.duckdb');
        return [await writeSmallDemo(join(home, 'demo')), '--db', db];
      },
    });
  });
  afterAll(() => app?.close());

  const journal = async () => (existsSync(journalPathFor(db)) ? (await readFile(journalPathFor(db), 'utf8')).trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>) : []);

  it('keeps a call\'s unsaved note and expected answer across j and k, marks it in the list, and saves it only with a verdict', async () => {
    const { page, problems } = await app.open();
    await goto(page, '#/review?queue=slice');
    const items = page.getByTestId('review-items').getByRole('listitem');
    await expect.poll(() => items.count()).toBeGreaterThan(2);
    const first = (await current(page))!;
    const draft = page.getByTestId('label-draft');
    const drafted = page.getByTestId('review-items').getByTestId('review-draft-mark');

    await edit(page, 'n', 'tone is off');
    await edit(page, 'e', 'a polite refusal');
    await expect.poll(() => drafted.count()).toBe(1);
    await page.keyboard.press('j');
    await expect.poll(() => current(page)).not.toBe(first);
    expect(await draft.textContent()).not.toContain('tone is off');
    await page.keyboard.press('k');
    await expect.poll(() => current(page)).toBe(first);
    await expect.poll(() => draft.textContent()).toContain('note: tone is off');
    expect(await draft.textContent()).toContain('expected: a polite refusal');
    expect(await items.first().getByTestId('review-draft-mark').count()).toBe(1);
    expect((await journal()).filter((e) => e['request_id'] === first)).toEqual([]);

    await page.keyboard.press('f');
    await expect.poll(() => current(page)).not.toBe(first);
    await expect.poll(async () => (await journal()).filter((e) => e['request_id'] === first).map((e) => [e['verdict'], e['note'], e['expected']])).toEqual([['fail', 'tone is off', 'a polite refusal']]);
    expect(await drafted.count()).toBe(0);
    await page.keyboard.press('k');
    await expect.poll(() => current(page)).toBe(first);
    await expect.poll(() => page.getByTestId('review-labels').textContent()).toContain('tone is off');
    expect(await draft.textContent()).not.toContain('tone is off');
    expect(problems).toEqual([]);
  });

  it('leaves an unknown queue of the URL selected, marked unknown, instead of showing the first queue as picked', async () => {
    const { page, problems } = await app.open();
    await goto(page, '#/review?queue=thumbs');
    await page.getByTestId('error').first().waitFor();
    const picker = page.getByTestId('review-queue');
    expect(await picker.inputValue()).toBe('thumbs');
    expect(await picker.evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.textContent)).toBe('thumbs (unknown queue)');
    await picker.selectOption('errors');
    await expect.poll(() => new URL(page.url()).hash).toContain('queue=errors');
    expect(await picker.locator('option', { hasText: 'unknown' }).count()).toBe(0);
    expect(problems).toEqual([]);
  });
});
