import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { writeSmallDemo } from '../../helpers/api-server';
import { tempDir } from '../../helpers/temp';
import { launchBrowser, openPage, type AppPage } from './browser';
import { type Served, startServe } from './serve';

export interface AppUnderTest {
  readonly served: Served;
  readonly browser: Browser;
  /** The folder the demo dump was written to (or the sources given). */
  readonly sources: readonly string[];
  readonly home: string;
  /** A fresh page on the app (own storage). */
  open(options?: { colorScheme?: 'light' | 'dark' }): Promise<AppPage>;
  close(): Promise<void>;
}

/**
 * `tracelens serve` on a small demo dataset (or on `sources`) and a Chromium to look at it.
 * One per test file: start it in beforeAll, close it in afterAll.
 */
export async function startApp(options: { sources?: (home: string) => Promise<string[]>; serveArgs?: string[] } = {}): Promise<AppUnderTest> {
  const { dir: home, cleanup } = await tempDir('tracelens-e2e-');
  const sources = options.sources ? await options.sources(home) : [await writeSmallDemo(join(home, 'demo'))];
  const served = await startServe([...sources, ...(options.serveArgs ?? [])], home);
  const browser = await launchBrowser().catch(async (error: unknown) => {
    await served.stop();
    throw error;
  });
  return {
    served,
    browser,
    sources,
    home,
    open: (o) => openPage(browser, served.url, o),
    close: async () => {
      await browser.close();
      await served.stop();
      await cleanup();
    },
  };
}
