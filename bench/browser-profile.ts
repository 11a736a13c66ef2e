/**
 * Where a facet click's time goes in Chromium: per click, every API call the page made (when it was
 * sent, when its answer arrived, relative to the click) and when the Overview settled.
 *
 *   npx tsx bench/browser-profile.ts --workspace FILE [--during-scan]
 *
 * As the bench does, each value of the `feature` and `model_resolved` facets is clicked on (a slice not seen
 * before) and off (back to the whole workspace, which the app answers from its recent answers), after a
 * warm-up pair on a tenant. With --during-scan the clicks start as soon as the Overview first settles,
 * while the PII scan the app runs when a workspace opens is still going.
 *
 * Serves a copy of the workspace with `tracelens serve` from this checkout's build (npm run build first).
 */
import { execFileSync } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser, openPage } from '../test/e2e/helpers/browser';
import { startServe } from '../test/e2e/helpers/serve';

const { values: args } = parseArgs({ options: { workspace: { type: 'string' }, 'during-scan': { type: 'boolean', default: false } } });
if (!args.workspace) {
  process.stderr.write('usage: npx tsx bench/browser-profile.ts --workspace FILE [--during-scan]\n');
  process.exit(2);
}

interface Call {
  readonly method: string;
  /** fetch() called. */
  readonly asked: number;
  /** The request went out on a connection (later when the browser's six connections per host are busy). */
  readonly sent: number;
  readonly answered: number;
}
interface Click {
  readonly settled: number;
  readonly calls: Call[];
  /** CPU time of the server process (every thread) during the click. */
  cpu?: number;
}

/** CPU time (user + system, ms) a process has used so far, from /proc (Linux). */
async function cpuMs(pid: number): Promise<number> {
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

const home = await mkdtemp(join(tmpdir(), 'tracelens-profile-'));
try {
  const workspace = join(home, 'workspace.duckdb');
  await copyFile(args.workspace, workspace);
  const served = await startServe([workspace], home);
  const browser = await launchBrowser();
  try {
    const server = Number(execFileSync('pgrep', ['-P', String(process.pid), '-f', 'serve']).toString().trim().split('\n')[0]);
    const { page } = await openPage(browser, served.url);
    await page.evaluate('globalThis.__name = (f) => f');
    await page.getByTestId('kpi-requests').waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), undefined, { timeout: 60_000, polling: 100 });
    // The PII scan the app runs when a workspace opens takes seconds on 1M calls: clicks measured during it share the cores with it.
    if (!args['during-scan']) {
      await page.waitForFunction(() => !document.querySelector('label[title="Scanning for PII…"]'), undefined, { timeout: 300_000, polling: 250 });
    }
    const values = async (facet: string) => page.locator(`[data-testid="facet-${facet}"] [data-testid="facet-value"]`).count();
    const order: [string, number][] = [['tenant_id', 0]];
    for (const facet of ['feature', 'model_resolved']) for (let n = 0; n < (await values(facet)); n++) order.push([facet, n]);
    const clicks: Click[] = [];
    for (let i = 0; i < 2 * order.length; i++) {
      const cpuBefore = await cpuMs(server);
      const click = await page.evaluate(
        ([facet, nth]) =>
          new Promise<Click>((resolve, reject) => {
            const kpi = () => document.querySelector('[data-testid="kpi-requests"]')?.getAttribute('data-value');
            const before = kpi();
            const button = document.querySelectorAll<HTMLButtonElement>(`[data-testid="facet-${facet}"] [data-testid="facet-value"]`)[nth];
            if (!button) return reject(new Error('no facet value to click'));
            performance.clearResourceTimings();
            const started = performance.now();
            button.click();
            const check = () => {
              if (kpi() !== before && kpi() !== undefined && !document.querySelector('[aria-busy="true"]')) {
                const settled = performance.now() - started;
                const calls = performance
                  .getEntriesByType('resource')
                  .filter((e) => e.name.includes('/api/'))
                  .map((e) => {
                    const t = e as PerformanceResourceTiming;
                    return { method: t.name.split('/api/').pop()!, asked: t.startTime - started, sent: t.requestStart - started, answered: t.responseEnd - started };
                  });
                resolve({ settled, calls });
              } else if (performance.now() - started > 60_000) reject(new Error('the overview did not settle'));
              else requestAnimationFrame(check);
            };
            requestAnimationFrame(check);
          }),
        order[Math.floor(i / 2)]!,
      );
      click.cpu = (await cpuMs(server)) - cpuBefore;
      if (i >= 2) clicks.push(click); // the first pair warms up
    }
    const r = (x: number) => x.toFixed(0).padStart(6);
    for (const [i, click] of clicks.entries()) {
      process.stdout.write(`click ${i} (${i % 2 ? 'back' : 'new slice'}): settled ${r(click.settled)} ms, last answer ${r(Math.max(...click.calls.map((c) => c.answered)))} ms, server CPU ${r(click.cpu ?? 0)} ms\n`);
      for (const c of [...click.calls].sort((a, b) => a.asked - b.asked)) {
        process.stdout.write(`    ${c.method.padEnd(20)} asked ${r(c.asked)}  sent ${r(c.sent)}  answered ${r(c.answered)}  took ${r(c.answered - c.sent)}\n`);
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    for (const [kind, mine] of [['new slice', clicks.filter((_, i) => i % 2 === 0)], ['back', clicks.filter((_, i) => i % 2 === 1)]] as const) {
      process.stdout.write(
        `${kind}: median settled ${r(median(mine.map((c) => c.settled)))} ms; median last answer ${r(median(mine.map((c) => Math.max(...c.calls.map((x) => x.answered)))))} ms; median server CPU ${r(median(mine.map((c) => c.cpu ?? 0)))} ms\n`,
      );
    }
  } finally {
    await browser.close();
    await served.stop();
  }
} finally {
  await rm(home, { recursive: true, force: true });
}
