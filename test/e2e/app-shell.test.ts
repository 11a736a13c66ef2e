import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SliceGroup } from '../../shared/query/slice';
import { writeSmallDemo } from '../helpers/api-server';
import { cliJson } from '../helpers/cli';
import { type AppUnderTest, startApp } from './helpers/app';

describe('the app in the browser (tracelens serve)', () => {
  let app: AppUnderTest;

  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(() => app?.close());

  it('loads on the demo data and shows the request count the engine computes', async () => {
    const { groups } = await cliJson<{ groups: SliceGroup[] }>('slice', ...app.sources, '--by', 'feature');
    const total = groups.reduce((n, g) => n + g.requests, 0);
    expect(app.served.calls).toBe(total);
    const { page, problems } = await app.open();
    const kpi = page.getByTestId('kpi-requests');
    await kpi.waitFor();
    expect(Number((await kpi.textContent())!.replace(/[^0-9]/g, ''))).toBe(total);
    await page.getByTestId('nav-overview').waitFor();
    expect(new URL(page.url()).searchParams.get('token')).toBeNull();

    await page.goto(`${new URL(page.url()).origin}/#/overview?w.feature=billing_bot`);
    const billing = groups.find((g) => g['feature'] === 'billing_bot')!.requests;
    await expect.poll(async () => Number((await kpi.textContent())!.replace(/[^0-9]/g, ''))).toBe(billing);
    expect(problems).toEqual([]);
  });

  it("serves React's production build even though the test runner's NODE_ENV=test was set when it was built", async () => {
    const { page } = await app.open();
    await page.getByTestId('kpi-requests').waitFor();
    const scripts = await page.evaluate(() =>
      Promise.all(Array.from(document.querySelectorAll('script[src]')).map(async (s) => (await fetch((s as HTMLScriptElement).src)).text())),
    );
    expect(scripts.length).toBeGreaterThan(0);
    // The development JSX runtime is only in React's development build.
    for (const text of scripts) expect(text.includes('jsxDEV')).toBe(false);
  });

  it('switches between the light and dark themes with CSS only', async () => {
    const { page, problems } = await app.open({ colorScheme: 'light' });
    await page.getByTestId('kpi-requests').waitFor();
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await background();
    await page.getByTestId('theme-toggle').click();
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
    expect(await background()).not.toBe(light);
    expect(problems).toEqual([]);
  });

  it('follows a newly opened workspace without a reload (events over the event stream)', async () => {
    const other = await writeSmallDemo(join(app.home, 'other'), { days: 1, callsPerDay: 150 });
    const { groups } = await cliJson<{ groups: SliceGroup[] }>('slice', other, '--by', 'feature');
    const { page, problems } = await app.open();
    const kpi = page.getByTestId('kpi-requests');
    await kpi.waitFor();
    const opened = await page.evaluate(async (source) => {
      const token = sessionStorage.getItem('tracelens.token') ?? '';
      const response = await fetch('/api/call/openSources', { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify({ sources: [source] }) });
      return ((await response.json()) as { ok: boolean }).ok;
    }, other);
    expect(opened).toBe(true);
    const total = groups.reduce((n, g) => n + g.requests, 0);
    await expect.poll(async () => Number((await kpi.textContent())!.replace(/[^0-9]/g, ''))).toBe(total);
    await expect.poll(() => page.getByTestId('workspace-title').textContent()).toBe('other');
    expect(problems).toEqual([]);
  });

  it('refuses the API to a page without the token', async () => {
    const { page } = await app.open();
    const status = await page.evaluate(async () => (await fetch('/api/call/workspaceInfo', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).status);
    expect(status).toBe(401);
  });
});
