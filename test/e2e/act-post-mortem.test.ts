import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DriftReport } from '../../shared/drift/types';
import { alertNumbers } from '../../shared/drift/units';
import { journalPathFor } from '../../electron/engine/review/journal-path';
import { writeSmallDemo } from '../helpers/api-server';
import { cli } from '../helpers/cli';
import { writeLines } from '../helpers/temp';
import { screenshot } from './explore-helpers';
import { type AppUnderTest, startApp } from './helpers/app';
import { current, edit } from './review-helpers';
import { QUEUE_PAGE } from '../../shared/review/queues';

const CARD = '4111 1111 1111 1111';
const PLANTED = 'planted-card';

/** A failed call whose prompt carries a card number, beside the demo dump. */
function plantedCall(): Record<string, unknown> {
  return {
    request_id: PLANTED,
    trace_id: 't-planted',
    ts: '2026-11-04T11:59:00Z',
    feature: 'billing_bot',
    tenant_id: 'acme',
    prompt_version: 'v7',
    model: 'gpt-4o',
    provider: 'openai',
    tokens_in: 120,
    tokens_out: 30,
    latency_ms: { ttft: 300, total: 1200 },
    error_class: 'rate_limit',
    input_preview: `please charge card ${CARD} for the upgrade`,
    output_preview: 'sorry, something went wrong',
  };
}

/**
 * Makes the label journal read-only; undoes it. Root ignores file modes, so as
 * root the journal is swapped for a directory instead, which no one can append to.
 */
async function makeUnwritable(journal: string, text: string): Promise<() => Promise<void>> {
  if (process.getuid?.() !== 0) {
    await chmod(journal, 0o444);
    return () => chmod(journal, 0o644);
  }
  await rm(journal);
  await mkdir(journal);
  return async () => {
    await rm(journal, { recursive: true });
    await writeFile(journal, text);
  };
}

describe('acting on an incident in the browser: drift, review, gold, PII', () => {
  let app: AppUnderTest;
  let db: string;
  let dumps: string[];
  let expected: DriftReport;

  beforeAll(async () => {
    app = await startApp({
      sources: async (home) => {
        dumps = [await writeSmallDemo(join(home, 'demo')), await writeLines(join(home, 'planted.jsonl'), [plantedCall()])];
        db = join(home, 'w.duckdb');
        return [...dumps, '--db', db];
      },
    });
  });
  afterAll(() => app?.close());

  it('saves the reviewer name in the settings', async () => {
    const { page, problems } = await app.open();
    await page.getByTestId('nav-settings').click();
    const reviewer = page.getByTestId('setting-reviewer');
    await expect.poll(() => reviewer.inputValue()).not.toBe('');
    await reviewer.fill('rita');
    await expect.poll(() => reviewer.inputValue()).toBe('rita');
    await page.getByTestId('settings-save').click();
    await page.getByText('Saved.').waitFor();
    expect(JSON.parse(await readFile(join(app.home, 'config', 'settings.json'), 'utf8'))).toMatchObject({ reviewer: 'rita' });
    expect(problems).toEqual([]);
  });

  it('runs drift on a dump with injected incidents and opens an exemplar', async () => {
    expected = JSON.parse((await cli('drift', ...dumps, '--json')).stdout) as DriftReport;
    expect(expected.alerts.length).toBeGreaterThan(0);
    const { page, problems } = await app.open();
    await page.getByTestId('nav-drift').click();
    await page.getByTestId('drift-run').click();
    await page.getByTestId('drift-alerts').waitFor();
    const checks = await page.getByTestId('drift-alert').evaluateAll((els) => els.map((e) => e.getAttribute('data-check')));
    expect(checks).toEqual(expected.alerts.map((a) => a.check));
    const values = await page.getByTestId('drift-value').allTextContents();
    expect(values).toEqual(expected.alerts.map((a) => `value ${alertNumbers(a).value}`));
    // Each alert's incident window is shaded where it can be seen: a few pixels wide at least, inside the chart.
    const bands = await page.locator('svg.metric-chart .band-incident').evaluateAll((rects) =>
      rects.map((r) => ({ x: Number(r.getAttribute('x')), width: Number(r.getAttribute('width')), chart: Number(r.closest('svg')!.getAttribute('width')) })),
    );
    expect(bands.length).toBeGreaterThan(0);
    for (const band of bands) {
      expect(band.width).toBeGreaterThanOrEqual(6);
      expect(band.x).toBeGreaterThanOrEqual(0);
      expect(band.x + band.width).toBeLessThanOrEqual(band.chart);
    }
    await screenshot(page, 'act-drift');

    const exemplar = page.getByTestId('drift-exemplar').first();
    const id = await exemplar.getAttribute('data-request-id');
    await exemplar.click();
    const detail = page.getByTestId('call-detail');
    await detail.waitFor();
    await expect.poll(() => detail.textContent()).toContain(id!);
    expect(new URL(page.url()).hash).toContain(`call=${encodeURIComponent(id!)}`);
    expect(problems).toEqual([]);
  });

  it('sends one alert\'s exemplars to review: the drift queue holds only those', async () => {
    const all = new Set(expected.alerts.flatMap((a) => a.exemplars));
    const index = expected.alerts.findIndex((a) => a.exemplars.length > 1 && new Set(a.exemplars).size < all.size);
    expect(index).toBeGreaterThanOrEqual(0);
    const alert = expected.alerts[index]!;
    const { page, problems } = await app.open();
    await page.getByTestId('nav-drift').click();
    await page.getByTestId('drift-run').click();
    await page.getByTestId('drift-alert').nth(index).getByTestId('drift-alert-review').click();
    await page.getByTestId('review-alert').waitFor();
    expect(new URL(page.url()).hash).toContain('queue=drift');
    const progress = page.getByTestId('review-progress');
    await expect.poll(() => progress.getAttribute('data-size')).toBe(String(new Set(alert.exemplars).size));
    const shown = async () => new Set(await page.getByTestId('review-items').getByRole('button').evaluateAll((els) => els.map((e) => e.textContent)));
    await expect.poll(shown).toEqual(new Set(alert.exemplars));
    expect(new Set(alert.exemplars)).toContain(await current(page));
    await page.getByTestId('review-alert').getByRole('button').click();
    await expect.poll(() => progress.getAttribute('data-size')).toBe(String(all.size));
    expect(problems).toEqual([]);
  });

  it('labels three calls with the keyboard (two fail with notes, one pass), saved to the journal', async () => {
    const { page, problems } = await app.open();
    await page.goto(`${new URL(page.url()).origin}/#/review?queue=errors&id=${PLANTED}`);
    await expect.poll(() => current(page)).toBe(PLANTED);
    const ids: string[] = [];
    const label = async (keys: () => Promise<void>) => {
      const id = (await current(page))!;
      ids.push(id);
      await keys();
      await expect.poll(() => current(page)).not.toBe(id);
    };
    await label(async () => {
      await edit(page, 'n', 'leaks the card number');
      await page.keyboard.press('2');
      await page.keyboard.press('f');
    });
    await label(async () => {
      await edit(page, 'n', 'retried into a rate limit');
      await edit(page, 'e', 'an answer after one retry');
      await page.keyboard.press('f');
    });
    await label(() => page.keyboard.press('p'));
    const journal = (await readFile(journalPathFor(db), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(journal.map((e) => [e['request_id'], e['verdict'], e['note'], e['reviewer']])).toEqual([
      [ids[0], 'fail', 'leaks the card number', 'rita'],
      [ids[1], 'fail', 'retried into a rate limit', 'rita'],
      [ids[2], 'pass', null, 'rita'],
    ]);
    expect(journal[0]!['reason']).toBe('wrong_policy');
    expect(journal[1]!['expected']).toBe('an answer after one retry');
    await page.keyboard.press('k');
    await expect.poll(() => current(page)).toBe(ids[2]);
    await expect.poll(() => page.getByTestId('review-progress').getAttribute('data-labeled')).toBe('3');
    await screenshot(page, 'act-review');
    expect(problems).toEqual([]);
  });

  it('exports the failed calls as gold rows, PII masked, exactly as previewed', async () => {
    const { page, problems } = await app.open();
    await page.getByTestId('nav-export').click();
    await expect.poll(() => page.getByTestId('gold-count').getAttribute('data-rows')).toBe('2');
    const preview = (await page.getByTestId('gold-preview').textContent())!;
    const out = join(app.home, 'gold', 'regressions.jsonl');
    await mkdir(join(app.home, 'gold'));
    await page.getByTestId('gold-destination').fill(out);
    await page.getByTestId('gold-write').click();
    await page.getByTestId('gold-written').waitFor();
    await screenshot(page, 'act-export');
    const text = await readFile(out, 'utf8');
    const rows = text.trim().split('\n').map((l) => JSON.parse(l) as { request_id: string; input: unknown; expected: { verdict: string } });
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.expected.verdict === 'fail')).toBe(true);
    expect(rows.map((r) => r.request_id)).toContain(PLANTED);
    expect(text).not.toContain(CARD);
    expect(text).toContain('[PAN]');
    expect(text.trim()).toBe(preview.trim());
    expect(problems).toEqual([]);
  });

  it('masks a planted card number in redacted mode, on by default when PII was found', async () => {
    const { page, problems } = await app.open();
    await page.getByTestId('nav-pii').click();
    await page.getByTestId('pii-findings').waitFor();
    expect(Number(await page.getByTestId('pii-count-pan').getAttribute('data-count'))).toBeGreaterThan(0);
    await screenshot(page, 'act-pii');
    await page.goto(`${new URL(page.url()).origin}/#/review?queue=errors&id=${PLANTED}`);
    const input = page.getByTestId('review-current').getByTestId('call-input');
    await expect.poll(() => input.textContent()).toContain('[PAN]');
    expect(await page.getByTestId('redacted-mode').isChecked()).toBe(true);
    expect(await page.getByTestId('review-current').textContent()).not.toContain(CARD);
    await screenshot(page, 'act-redacted');
    await page.getByTestId('redacted-mode').uncheck();
    await expect.poll(() => input.textContent()).toContain(CARD);
    expect(problems).toEqual([]);
  });

  it('copies a calls table cell as the redacted mode shows it', async () => {
    const { page, problems } = await app.open();
    const origin = new URL(page.url()).origin;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    await page.goto(`${origin}/#/table?w.error_class=rate_limit&cols=request_id,input_preview`);
    await expect.poll(() => page.getByTestId('redacted-mode').isChecked(), { timeout: 15_000 }).toBe(true);
    const row = page.getByTestId('calls-row').first();
    await expect.poll(() => row.getAttribute('data-request-id')).toBe(PLANTED);
    await row.getByRole('gridcell').nth(2).click();
    const copy = async () => {
      await page.evaluate(() => navigator.clipboard.writeText(''));
      await page.getByTestId('copy-cell').click();
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).not.toBe('');
      return page.evaluate(() => navigator.clipboard.readText());
    };
    const masked = await copy();
    expect(masked).toContain('[PAN]');
    expect(masked).not.toContain(CARD);
    await page.getByTestId('redacted-mode').uncheck();
    expect(await copy()).toBe(plantedCall()['input_preview']);
    expect(problems).toEqual([]);
  });

  it('shows a failed save and does not move on', async () => {
    const journal = journalPathFor(db);
    const saved = await readFile(journal, 'utf8');
    const { page, problems } = await app.open();
    await page.goto(`${new URL(page.url()).origin}/#/review?queue=errors`);
    await page.getByTestId('review-current').waitFor();
    const id = await current(page);
    const restore = await makeUnwritable(journal, saved);
    // Each save attempt is awaited to its answer: one still in flight when the journal is restored would land after.
    const saveAnswered = () => page.waitForResponse((r) => r.url().endsWith('/api/call/saveLabel'));
    try {
      await Promise.all([saveAnswered(), page.keyboard.press('p')]);
      const error = page.getByTestId('label-error');
      await error.waitFor();
      expect(await error.textContent()).toContain('Not saved');
      await page.keyboard.press('j');
      await Promise.all([saveAnswered(), page.keyboard.press('p')]);
      expect(await current(page)).toBe(id);
      expect(await error.isVisible()).toBe(true);
    } finally {
      await restore();
    }
    expect(await readFile(journal, 'utf8')).toBe(saved);
    expect(problems.filter((p) => !p.includes('status of 500'))).toEqual([]);
  });
  it('labels a selection of the calls table at once, one journal line per call', async () => {
    const before = await readFile(journalPathFor(db), 'utf8').then((t) => t.trim().split('\n').length, () => 0);
    const { page, problems } = await app.open();
    await page.goto(`${new URL(page.url()).origin}/#/table?w.error_class=rate_limit_429`);
    const rows = page.getByTestId('calls-row');
    await rows.nth(2).getAttribute('data-request-id').then((id) => expect(id).toBeTruthy());
    const ids = await rows.evaluateAll((els) => els.slice(0, 3).map((e) => e.getAttribute('data-request-id')));
    await rows.nth(0).getByTestId('calls-select').click();
    await rows.nth(2).getByTestId('calls-select').click({ modifiers: ['Shift'] });
    const bar = page.getByTestId('bulk-label');
    await expect.poll(() => bar.getAttribute('data-count')).toBe('3');
    expect(await page.getByTestId('call-detail').count()).toBe(0);
    await page.getByTestId('bulk-note').fill('retry storm, not the model');
    await page.getByTestId('bulk-reason').selectOption('other');
    await page.getByTestId('bulk-fail').click();
    await expect.poll(() => page.getByTestId('bulk-saved').getAttribute('data-count')).toBe('3');
    expect(await bar.count()).toBe(0);
    const journal = (await readFile(journalPathFor(db), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(journal.slice(before).map((e) => [e['request_id'], e['verdict'], e['note'], e['reason'], e['reviewer']])).toEqual(
      ids.map((id) => [id, 'fail', 'retry storm, not the model', 'other', 'rita']),
    );
    expect(problems).toEqual([]);
  });

  it('walks a queue past its first page: j on the last loaded call fetches the next page', async () => {
    const { page, problems } = await app.open();
    await page.goto(`${new URL(page.url()).origin}/#/review?queue=slice`);
    const items = page.getByTestId('review-items').getByRole('button');
    await expect.poll(() => items.count()).toBe(QUEUE_PAGE);
    const size = Number(await page.getByTestId('review-progress').getAttribute('data-size'));
    expect(size).toBeGreaterThan(QUEUE_PAGE);
    expect(await page.getByTestId('review-loaded').textContent()).toContain(`${QUEUE_PAGE} of ${size} loaded`);
    const last = (await items.last().textContent())!;
    await items.last().click();
    await expect.poll(() => current(page)).toBe(last);
    await page.keyboard.press('j');
    await expect.poll(() => items.count()).toBe(Math.min(size, 2 * QUEUE_PAGE));
    const next = (await items.nth(QUEUE_PAGE).textContent())!;
    await expect.poll(() => current(page)).toBe(next);
    const firstPage = await items.evaluateAll((els, n) => els.slice(0, n).map((e) => e.textContent), QUEUE_PAGE);
    expect(firstPage).not.toContain(next);
    await page.keyboard.press('k');
    await expect.poll(() => current(page)).toBe(last);

    // A link straight to that call, in a new page: the queue is loaded down to it, and k walks back from there.
    const linked = await app.open();
    await linked.page.goto(`${new URL(page.url()).origin}/#/review?queue=slice&id=${encodeURIComponent(next)}`);
    const linkedItems = linked.page.getByTestId('review-items').getByRole('button');
    await expect.poll(() => linkedItems.count()).toBe(Math.min(size, 2 * QUEUE_PAGE));
    await expect.poll(() => current(linked.page)).toBe(next);
    await linked.page.keyboard.press('k');
    await expect.poll(() => current(linked.page)).toBe(last);
    expect(problems).toEqual([]);
    expect(linked.problems).toEqual([]);
  });

  it('keeps the review screen in place while a label saves and the queue counts refresh', async () => {
    const { page, problems } = await app.open();
    await page.goto(`${new URL(page.url()).origin}/#/review?queue=slice`);
    const items = page.getByTestId('review-items').getByRole('button');
    await expect.poll(() => items.count()).toBe(QUEUE_PAGE);
    const labeled = Number(await page.getByTestId('review-progress').getAttribute('data-labeled'));
    const list = page.getByTestId('review-items');
    await items.nth(150).click();
    const id = (await items.nth(150).textContent())!;
    await expect.poll(() => current(page)).toBe(id);
    const scrolled = await list.evaluate((el) => el.scrollTop);
    expect(scrolled).toBeGreaterThan(0);
    // Counts the times the screen showing the call (label bar, call detail) is taken down.
    await page.evaluate(() => {
      const shown = document.querySelector('[data-testid="review-current"]')!;
      const w = window as unknown as { takenDown: number };
      w.takenDown = 0;
      new MutationObserver(() => {
        if (!shown.isConnected) w.takenDown++;
      }).observe(document.body, { childList: true, subtree: true });
    });
    await page.keyboard.press('p');
    await expect.poll(() => current(page)).not.toBe(id);
    await expect.poll(() => page.getByTestId('review-progress').getAttribute('data-labeled')).toBe(String(labeled + 1));
    await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
    expect(await page.evaluate(() => (window as unknown as { takenDown: number }).takenDown)).toBe(0);
    expect(await list.evaluate((el) => el.scrollTop)).toBe(scrolled);
    expect(problems).toEqual([]);
  });
});
