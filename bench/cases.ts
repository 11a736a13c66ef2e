import { join } from 'node:path';
import type { Dataset } from './datasets';
import { sizeName } from './datasets';
import type { Runner } from './measure';
import { DATA_DIR } from './paths';
import type { SideResult } from './sides/side';

export interface BenchCase {
  readonly id: string;
  readonly group: 'ingest' | 'slice' | 'overview' | 'page' | 'browser' | 'peer' | 'drift' | 'pii' | 'spill';
  readonly title: string;
  /** TraceLens (or the peer measured on its own). */
  readonly a: Runner;
  /** Raw DuckDB on the same data, when there is a fair equivalent. */
  readonly b?: Runner;
  /** The file read, for MB/s. */
  readonly input?: string;
  readonly reps?: number;
  /** Files a run leaves behind, removed before and after each run. */
  readonly scratch?: readonly string[];
  /** Says what is wrong when a run did not do the work right (wrong row count, unreported bad lines). */
  readonly verify?: (a: SideResult) => string | undefined;
  /** Why the case is not run yet (the engine it measures is not on this branch). */
  readonly pending?: string;
}

const tl = (side: string, args: Runner['args']): Runner => ({ label: 'TraceLens', kind: 'node', side, args });
const duck = (side: string, args: Runner['args']): Runner => ({ label: 'raw DuckDB', kind: 'node', side, args });

function rowsAre(expected: number) {
  return (a: SideResult) => (a.rows === expected ? undefined : `loaded ${a.rows} rows, expected ${expected}`);
}

function ingestCases(d: Dataset): BenchCase[] {
  const s = sizeName(d.calls);
  return [
    { id: `ingest-jsonl-${s}`, group: 'ingest', title: `ingest JSONL ${s}`, a: tl('tracelens-ingest', { file: d.jsonl }), b: duck('duckdb-ingest', { file: d.jsonl, reader: 'json' }), input: d.jsonl, verify: rowsAre(d.calls) },
    {
      id: `ingest-dirty-${s}`,
      group: 'ingest',
      title: `ingest JSONL ${s}, 1% malformed`,
      a: tl('tracelens-ingest', { file: d.dirty }),
      b: duck('duckdb-ingest', { file: d.dirty, reader: 'json-ignore-errors' }),
      input: d.dirty,
      verify: (a) => {
        const good = d.calls - d.dirtyBadLines;
        if (a.rows !== good) return `loaded ${a.rows} rows, expected ${good}`;
        return a.detail?.['skipped'] === d.dirtyBadLines ? undefined : `reported ${String(a.detail?.['skipped'])} bad lines, expected ${d.dirtyBadLines}`;
      },
    },
    { id: `ingest-parquet-${s}`, group: 'ingest', title: `ingest Parquet ${s}`, a: tl('tracelens-ingest', { file: d.parquet }), b: duck('duckdb-ingest', { file: d.parquet, reader: 'parquet' }), input: d.parquet, verify: rowsAre(d.calls) },
    { id: `ingest-otlp-${s}`, group: 'ingest', title: `ingest OTLP JSON ${s}`, a: tl('tracelens-ingest', { file: d.otlp }), b: duck('duckdb-ingest', { file: d.otlp, reader: 'json' }), input: d.otlp, verify: rowsAre(d.calls) },
  ];
}

function queryCases(d: Dataset, browser: boolean): BenchCase[] {
  const s = sizeName(d.calls);
  const workspace = d.workspace;
  return [
    { id: `slice-${s}`, group: 'slice', title: `slice feature x prompt_version ${s}`, a: tl('tracelens-slice', { workspace }), b: duck('duckdb-slice', { workspace }) },
    { id: `overview-${s}`, group: 'overview', title: `overview refresh, filtered ${s}`, a: tl('tracelens-overview', { workspace }) },
    ...(['start', 'middle', 'end'] as const).map(
      (offset): BenchCase => ({ id: `page-${offset}-${s}`, group: 'page', title: `200-row page by ts, ${offset} ${s}`, a: tl('tracelens-page', { workspace, offset }) }),
    ),
    ...(browser ? [{ id: `browser-${s}`, group: 'browser', title: `facet click to a new slice, every panel updated, Chromium ${s}`, a: tl('tracelens-browser', { workspace }), reps: 1 } satisfies BenchCase] : []),
    { id: `drift-${s}`, group: 'drift', title: `drift, all checks ${s}`, a: tl('tracelens-drift', { workspace }) },
    { id: `pii-${s}`, group: 'pii', title: `PII scan ${s}`, a: tl('tracelens-pii', { workspace }) },
  ];
}

function peerCases(d: Dataset, pandas: boolean, peerReps: number): BenchCase[] {
  const s = sizeName(d.calls);
  const cases: BenchCase[] = [
    { id: `peer-node-${s}`, group: 'peer', title: `Node readline+JSON.parse group-by ${s}`, a: { label: 'Node readline', kind: 'node', side: 'node-readline', args: { file: d.jsonl } }, input: d.jsonl, reps: peerReps, verify: rowsAre(d.calls) },
  ];
  const pandasCase: BenchCase = { id: `peer-pandas-${s}`, group: 'peer', title: `pandas read_json+group-by ${s}`, a: { label: 'pandas', kind: 'python', side: 'pandas_groupby.py', args: { file: d.jsonl } }, input: d.jsonl, reps: peerReps, verify: rowsAre(d.calls) };
  cases.push(pandas ? pandasCase : { ...pandasCase, pending: 'pandas is not installed for /usr/bin/python3 (apt-get install python3-pandas)' });
  return cases;
}

export interface CaseOptions {
  readonly pandas: boolean;
  /**
   * Peers are a point of comparison, not a target, and take a minute per million calls (pandas also
   * ~15 GB): fewer repetitions at the largest size, to keep the full run within its budget.
   */
  readonly peerReps: (calls: number) => number;
  /** Whether to drive Chromium at this size (its target is at the largest; --quick has only 100k). */
  readonly browser: (calls: number) => boolean;
}

export function casesFor(d: Dataset, options: CaseOptions): BenchCase[] {
  return [...ingestCases(d), ...queryCases(d, options.browser(d.calls)), ...peerCases(d, options.pandas, options.peerReps(d.calls))];
}

/** A folder of many small dumps (one per service and hour, say): per-file overhead is what it measures. */
export function folderCase(folder: string, files: number, calls: number): BenchCase {
  return {
    id: `ingest-folder-${sizeName(calls)}`,
    group: 'ingest',
    title: `ingest a folder of ${files} JSONL files, ${sizeName(calls)} calls`,
    a: tl('tracelens-ingest', { file: folder }),
    b: duck('duckdb-ingest', { file: join(folder, '*.jsonl'), reader: 'json' }),
    input: folder,
    verify: rowsAre(calls),
  };
}

/** A dump larger than DuckDB's memory limit, loaded into a workspace file: must finish by spilling to disk. */
export function spillCase(file: string, calls: number): BenchCase {
  const db = join(DATA_DIR, 'spill-run.duckdb');
  const tmp = join(DATA_DIR, 'spill-tmp');
  const args = { file, db, memoryLimit: '1GB', tempDirectory: tmp };
  return {
    id: `spill-${sizeName(calls)}`,
    group: 'spill',
    title: `ingest ${sizeName(calls)} into a workspace, memory_limit=1GB`,
    a: tl('tracelens-ingest', args),
    b: duck('duckdb-ingest', { ...args, reader: 'json' }),
    input: file,
    reps: 1,
    scratch: [db, `${db}.wal`, tmp],
    verify: rowsAre(calls),
  };
}
