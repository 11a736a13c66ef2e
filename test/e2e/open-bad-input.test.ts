import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeLines } from '../helpers/temp';
import { numberOf } from './explore-helpers';
import { type AppUnderTest, startApp } from './helpers/app';

/** What the Open view says about input it cannot use, on the first screen a user sees. */
describe('the Open view on bad input', () => {
  let app: AppUnderTest;
  let allBad: string;

  beforeAll(async () => {
    app = await startApp({
      sources: async (home) => {
        allBad = await writeLines(join(home, 'all-bad.jsonl'), ['not json', '{broken', '[1, 2]']);
        return [await writeLines(join(home, 'good.jsonl'), [{ request_id: 'r1', ts: '2026-11-01T12:00:00Z', feature: 'faq' }])];
      },
    });
  });
  afterAll(() => app?.close());

  it('lists a file with no readable line among the sources and says why, above the fold', async () => {
    const { page, problems } = await app.open();
    await page.getByTestId('nav-open').click();
    await expect.poll(() => numberOf(page.getByTestId('report-calls'))).toBe(1);
    await page.getByTestId('open-sources').fill(allBad);
    await page.getByTestId('open-submit').click();
    await expect.poll(() => page.getByTestId('report-source').allTextContents()).toEqual([expect.stringContaining('all-bad.jsonl')]);
    expect(await numberOf(page.getByTestId('report-calls'))).toBe(0);
    const reason = page.getByTestId('report-errors');
    expect(await reason.textContent()).toContain('no line parses as a JSON object');
    const box = (await reason.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(800);
    expect(problems).toEqual([]);
  });
});
