import type { Side } from './side';

/**
 * Every measured side by name: what a child process runs. Each is loaded on demand, so a child imports only
 * its own side's modules (a child that loaded every side spent about 2 s starting, 100+ times per full run).
 * Add new engines here and in cases.ts.
 */
export const SIDES: Readonly<Record<string, () => Promise<Side>>> = {
  'tracelens-ingest': async () => (await import('./ingest')).tracelensIngest,
  'duckdb-ingest': async () => (await import('./ingest')).duckdbIngest,
  'tracelens-slice': async () => (await import('./queries')).tracelensSlice,
  'duckdb-slice': async () => (await import('./queries')).duckdbSlice,
  'tracelens-overview': async () => (await import('./queries')).tracelensOverview,
  'tracelens-page': async () => (await import('./queries')).tracelensPage,
  'tracelens-browser': async () => (await import('./browser')).tracelensBrowser,
  'tracelens-drift': async () => (await import('./checks')).tracelensDrift,
  'tracelens-pii': async () => (await import('./checks')).tracelensPii,
  'node-readline': async () => (await import('./peers')).nodeReadline,
};
