import { spawnSync } from 'node:child_process';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, openPage } from '../../test/e2e/helpers/browser';
import { startServe } from '../../test/e2e/helpers/serve';
import { REPO_DIR } from '../paths';
import { type Side, stringArg } from './side';

/** Where the calls table is scrolled to, as a fraction of its height. */
const DEPTHS = [0.1, 0.5, 0.9, 1];
const SETTLE_LIMIT_MS = 30_000;

/** Builds the app as it is checked out: a build left from another checkout would measure other code. */
function build(): void {
  const result = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '-s', 'build'], { cwd: REPO_DIR, stdio: 'ignore' });
  if (result.status !== 0) throw new Error(`npm run build failed (exit ${result.status})`);
}

interface Settled {
  /** From the click until every panel shows the new slice. */
  readonly ms: number;
  /** From the click until the app's last answer from the engine arrived (the rest is the page drawing). */
  readonly answersMs: number;
}

/**
 * Milliseconds from the press of the click about to come until every panel has answered: the KPIs show a
 * new request count and nothing is busy. The clock starts at the pointerdown event, as a user's click
 * does: Playwright's checks before it presses (the element stable over two frames) take 30-60 ms.
 */
async function settle(page: Page, before: string): Promise<Settled> {
  return page.evaluate(
    ({ before, limit }) =>
      new Promise<Settled>((resolve, reject) => {
        performance.clearResourceTimings();
        const asked = performance.now();
        let pressed: number | undefined;
        document.addEventListener('pointerdown', (e) => (pressed = e.timeStamp), { capture: true, once: true });
        const since = () => pressed ?? asked;
        const answered = () =>
          Math.max(0, ...performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/')).map((e) => (e as PerformanceResourceTiming).responseEnd - since()));
        const check = () => {
          const kpi = document.querySelector('[data-testid="kpi-requests"]');
          const busy = document.querySelector('[aria-busy="true"]');
          if (kpi && kpi.getAttribute('data-value') !== before && !busy) {
            const ms = performance.now() - since();
            // A streamed answer's timing entry appears when its response closes, which can follow the last line.
            const entry = () => (answered() > 0 || performance.now() - asked > limit ? resolve({ ms, answersMs: answered() }) : setTimeout(entry, 20));
            entry();
          }
          else if (performance.now() - asked > limit) reject(new Error('the overview did not settle'));
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
    { before, limit: SETTLE_LIMIT_MS },
  );
}

async function requests(page: Page): Promise<string> {
  return (await page.getByTestId('kpi-requests').getAttribute('data-value')) ?? '';
}

/** The facets whose values are clicked, in turn: every value "on" is a slice this session has not seen yet. */
const CLICKED_FACETS = ['feature', 'model_resolved'];

interface Clicks {
  /** Clicks to a slice not seen before: every panel asks the engine. */
  readonly fresh: Settled[];
  /** Clicks back to the whole workspace, seen before: the app answers from its recent answers. */
  readonly back: Settled[];
}

/**
 * Facet clicks (a value on, then off again) until every panel of the Overview has updated, in the page's
 * own clock. The app keeps the answers of recent slices, so a slice is timed as a refresh only the first
 * time: each "on" click picks a value not clicked before, and the clicks back are reported apart.
 */
async function facetClicks(page: Page): Promise<Clicks> {
  await page.getByTestId('kpi-requests').waitFor({ timeout: SETTLE_LIMIT_MS });
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), undefined, { timeout: SETTLE_LIMIT_MS, polling: 100 });
  // The app scans a workspace for PII when it opens (seconds on 1M calls, both cores): clicks are timed once it is done.
  await page.waitForFunction(() => !document.querySelector('label[title="Scanning for PII…"]'), undefined, { timeout: 10 * SETTLE_LIMIT_MS, polling: 250 });
  const toggle = async (value: ReturnType<Page['locator']>): Promise<Settled> => {
    const before = await requests(page);
    // The page starts listening for the press before Playwright sends it.
    const [settled] = await Promise.all([settle(page, before), value.click()]);
    return settled;
  };
  // The first pair warms up (and builds the guardrail index) on a facet whose values are not timed.
  const warm = page.getByTestId('facet-tenant_id').getByTestId('facet-value').first();
  await toggle(warm);
  await toggle(warm);
  const clicks: Clicks = { fresh: [], back: [] };
  for (const facet of CLICKED_FACETS) {
    const values = page.getByTestId(`facet-${facet}`).getByTestId('facet-value');
    const count = await values.count();
    // The value clicked is in the list whether the filter is on or off (a facet ignores its own filter).
    for (let i = 0; i < count; i++) {
      clicks.fresh.push(await toggle(values.nth(i)));
      clicks.back.push(await toggle(values.nth(i)));
    }
  }
  return clicks;
}

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Scrolled {
  readonly pass: number;
  readonly depth: number;
  readonly filledMs: number;
  readonly pendingFrames: number;
}

/**
 * Scrolls the calls table to each depth, twice (the first pass has the engine build its sorted copy, the
 * second reads from it); per depth, how long rows showed `…` (not loaded yet) and in how many frames.
 */
async function tableScroll(page: Page): Promise<Scrolled[]> {
  await page.getByTestId('nav-table').click();
  const table = page.getByTestId('calls-table');
  await table.waitFor();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="calls-row"]').length > 0 && !document.querySelector('.ct-pending'), undefined, { timeout: SETTLE_LIMIT_MS });
  const out: Scrolled[] = [];
  for (const [pass, depth] of [...DEPTHS.map((d) => [1, d] as const), ...DEPTHS.map((d) => [2, d] as const)]) {
    out.push(
      await table.evaluate(
        (el, { pass, depth, limit }) =>
          new Promise<Scrolled>((resolve, reject) => {
            el.scrollTop = depth * (el.scrollHeight - el.clientHeight);
            const started = performance.now();
            let pendingFrames = 0;
            const check = () => {
              const view = el.getBoundingClientRect();
              const pending = Array.from(el.querySelectorAll('.ct-pending')).some((p) => {
                const r = p.getBoundingClientRect();
                return r.bottom > view.top && r.top < view.bottom;
              });
              const rows = el.querySelectorAll('[data-testid="calls-row"]').length;
              if (rows > 0 && !pending) resolve({ pass, depth, filledMs: Math.round(performance.now() - started), pendingFrames });
              else if (performance.now() - started > limit) reject(new Error(`rows at depth ${depth} never filled`));
              else {
                pendingFrames++;
                requestAnimationFrame(check);
              }
            };
            requestAnimationFrame(check);
          }),
        { pass, depth, limit: SETTLE_LIMIT_MS },
      ),
    );
  }
  return out;
}

/**
 * The app as a user runs it: `tracelens serve` on a copy of the workspace, Chromium on it. Measures the
 * time from a facet click to every panel updated (median over clicks), and scrolls the calls table to
 * several depths, reporting how long rows stayed unfilled there.
 */
export const tracelensBrowser: Side = async (args) => {
  build();
  const home = await mkdtemp(join(tmpdir(), 'tracelens-bench-browser-'));
  try {
    const workspace = join(home, 'workspace.duckdb');
    await copyFile(stringArg(args, 'workspace'), workspace);
    const served = await startServe([workspace], home);
    const browser = await launchBrowser();
    try {
      const { page, problems } = await openPage(browser, served.url);
      // tsx (esbuild) names functions with a __name helper, also inside those sent to the page: give the page one.
      await page.evaluate('globalThis.__name = (f) => f');
      const clicks = await facetClicks(page);
      const scroll = await tableScroll(page);
      if (problems.length) throw new Error(`the page reported problems: ${problems.slice(0, 3).join(' | ')}`);
      if (clicks.fresh.length < 4) throw new Error(`only ${clicks.fresh.length} facet values to click`);
      const fresh = clicks.fresh.map((c) => c.ms);
      return {
        ms: median(fresh),
        rows: served.calls,
        detail: {
          freshClicksMs: fresh.map(Math.round),
          maxFreshClickMs: Math.round(Math.max(...fresh)),
          // When the last answer arrived, per fresh click: the engine's share of each click.
          freshAnswersMs: clicks.fresh.map((c) => Math.round(c.answersMs)),
          medianFreshAnswersMs: Math.round(median(clicks.fresh.map((c) => c.answersMs))),
          backClicksMs: clicks.back.map((c) => Math.round(c.ms)),
          medianBackClickMs: Math.round(median(clicks.back.map((c) => c.ms))),
          scroll,
          maxFillMs: Math.max(...scroll.map((s) => s.filledMs)),
          maxFillMsWarm: Math.max(...scroll.filter((s) => s.pass === 2).map((s) => s.filledMs)),
        },
      };
    } finally {
      await browser.close();
      await served.stop();
    }
  } finally {
    await rm(home, { recursive: true, force: true });
  }
};
