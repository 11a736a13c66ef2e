import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeDemoDataset } from '../../electron/engine/demo-files';
import { DEFAULT_DEMO } from '../../shared/demo/generate';
import type { IncidentId } from '../../shared/demo/incidents';
import { cli } from './cli';
import { tempDir } from './temp';

export type DemoCall = Record<string, unknown>;

export interface DriftDemo {
  readonly dir: string;
  /** The dataset's JSON-lines folder. */
  readonly data: string;
  /** A workspace file holding it. */
  readonly db: string;
  readonly calls: readonly DemoCall[];
  readonly cleanup: () => Promise<void>;
}

/** The full-size demo dataset (35 days, the windows every check needs) with `incidents`, written and ingested into a workspace file. */
export async function driftDemo(incidents: readonly IncidentId[]): Promise<DriftDemo> {
  const { dir, cleanup } = await tempDir('tracelens-drift-');
  const data = join(dir, 'data');
  await writeDemoDataset(data, { ...DEFAULT_DEMO, incidents });
  const db = join(dir, 'workspace.duckdb');
  const ingest = await cli('ingest', data, '--db', db, '--json');
  if (ingest.code !== 0) throw new Error(`ingest failed: ${ingest.stderr}`);
  const text = await readFile(join(data, 'calls.jsonl'), 'utf8');
  const calls = text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as DemoCall);
  return { dir, data, db, calls, cleanup };
}
