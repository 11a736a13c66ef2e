import { tracelensBrowser } from './browser';
import { tracelensDrift, tracelensPii } from './checks';
import { duckdbIngest, tracelensIngest } from './ingest';
import { nodeReadline } from './peers';
import { duckdbSlice, tracelensOverview, tracelensPage, tracelensSlice } from './queries';
import type { Side } from './side';

/** Every measured side by name: what a child process runs. Add new engines (drift, PII, ...) here and in cases.ts. */
export const SIDES: Readonly<Record<string, Side>> = {
  'tracelens-ingest': tracelensIngest,
  'duckdb-ingest': duckdbIngest,
  'tracelens-slice': tracelensSlice,
  'duckdb-slice': duckdbSlice,
  'tracelens-overview': tracelensOverview,
  'tracelens-page': tracelensPage,
  'tracelens-browser': tracelensBrowser,
  'tracelens-drift': tracelensDrift,
  'tracelens-pii': tracelensPii,
  'node-readline': nodeReadline,
};
