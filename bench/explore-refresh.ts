/**
 * What one facet click costs: the engine calls the Overview and the facet sidebar make when the
 * slice changes, timed one by one and all at once (as the panels fire them), plus table pages.
 *
 *   npx tsx bench/explore-refresh.ts [--calls N] [--runs R] [--workspace FILE]
 *
 * The workspace (demo data, all incidents, about N calls) is built once into bench/data/ and reused;
 * --workspace runs on an existing workspace file instead (opened read-only).
 */
import { mkdir, rename, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_DEMO } from '../shared/demo/generate';
import type { SliceFilter } from '../shared/query/filter';
import { BUNDLED_DEMO, DEMO_FILES, writeDemoDataset } from '../electron/engine/demo-files';
import { facetValues } from '../electron/engine/explore/facets';
import { sortedCopyReady, tablePage } from '../electron/engine/explore/table-page';
import { ingestFiles } from '../electron/engine/ingest';
import { Workspace } from '../electron/engine/workspace';
import { refreshJobs } from './sides/explore';

const { values: args } = parseArgs({ options: { calls: { type: 'string', default: '200000' }, runs: { type: 'string', default: '3' }, workspace: { type: 'string' } } });
const calls = Number(args.calls);
const runs = Number(args.runs);
if (!Number.isInteger(calls) || calls < 1000 || !Number.isInteger(runs) || runs < 1) {
  process.stderr.write('usage: npx tsx bench/explore-refresh.ts [--calls N>=1000] [--runs R>=1]\n');
  process.exit(2);
}

async function workspaceFile(): Promise<string> {
  const dir = resolve('bench/data');
  const file = join(dir, `explore-${calls}.duckdb`);
  if (await stat(file).then(() => true, () => false)) return file;
  await mkdir(dir, { recursive: true });
  const dataDir = join(dir, `explore-${calls}-jsonl`);
  const started = performance.now();
  // The demo's incidents add some calls on top of callsPerDay x days; close enough for a size class.
  await writeDemoDataset(dataDir, { ...BUNDLED_DEMO, callsPerDay: Math.max(1, Math.round(calls / DEFAULT_DEMO.days)) });
  const workspace = await Workspace.open({ path: `${file}.partial` });
  const files = Object.values(DEMO_FILES).map((name) => ({ path: join(dataDir, name), uri: join(dataDir, name) }));
  await ingestFiles(workspace, files);
  await workspace.checkpoint();
  workspace.close();
  await rename(`${file}.partial`, file);
  process.stdout.write(`built ${file} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  return file;
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

/** Wall time and the process's CPU time (every thread: DuckDB's workers too), in ms. */
async function timedCpu(run: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  const cpu = process.cpuUsage();
  const wall = await timed(run);
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1000 };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const ms = (x: number) => `${x.toFixed(0).padStart(6)} ms`;

async function main(): Promise<void> {
  const file = args.workspace ?? (await workspaceFile());
  const workspace = await Workspace.open({ path: file, readOnly: args.workspace !== undefined });
  try {
    const total = (await workspace.db.one<{ n: number }>('SELECT count(*) AS n FROM calls'))!.n;
    const top = await facetValues(workspace, { column: 'feature', filter: {}, limit: 1 });
    const filter: SliceFilter = { where: { feature: [top.values[0]!.value!] } };
    process.stdout.write(`workspace: ${file} (${total} calls); click: feature = ${top.values[0]!.value}; median of ${runs} run(s)\n\n`);

    const jobs = refreshJobs(workspace, filter);
    await Promise.all(jobs.map(([, run]) => run())); // warm-up
    const perQuery = new Map<string, { wall: number; cpu: number }[]>();
    for (let r = 0; r < runs; r++) for (const [name, run] of jobs) perQuery.set(name, [...(perQuery.get(name) ?? []), await timedCpu(run)]);
    let sum = 0;
    let sumCpu = 0;
    process.stdout.write(`  ${''.padEnd(28)}${'wall'.padStart(9)}${'CPU'.padStart(10)}\n`);
    for (const [name, times] of perQuery) {
      const wall = median(times.map((t) => t.wall));
      const cpu = median(times.map((t) => t.cpu));
      sum += wall;
      sumCpu += cpu;
      process.stdout.write(`  ${name.padEnd(28)}${ms(wall)}${ms(cpu)}\n`);
    }
    process.stdout.write(`  ${'sum, one at a time'.padEnd(28)}${ms(sum)}${ms(sumCpu)}\n`);
    const together: { wall: number; cpu: number }[] = [];
    for (let r = 0; r < runs; r++) together.push(await timedCpu(() => Promise.all(jobs.map(([, run]) => run()))));
    process.stdout.write(`  ${'all panels at once'.padEnd(28)}${ms(median(together.map((t) => t.wall)))}${ms(median(together.map((t) => t.cpu)))}   <- a facet click\n\n`);

    const sort = [{ column: 'ts', desc: true }];
    for (const offset of [0, Math.floor(total / 2)]) {
      const times: number[] = [];
      for (let r = 0; r < runs; r++) times.push(await timed(() => tablePage(workspace, { filter: {}, sort, offset, limit: 200 })));
      process.stdout.write(`  ${`table page ts desc @${offset}`.padEnd(28)}${ms(median(times))}\n`);
    }
    const times: number[] = [];
    for (let r = 0; r < runs; r++) times.push(await timed(() => tablePage(workspace, { filter, sort, offset: 0, limit: 200 })));
    process.stdout.write(`  ${'table page, filtered @0'.padEnd(28)}${ms(median(times))}\n`);
    await sortedCopyReady(workspace); // closing the connection under a running build would wait forever
  } finally {
    workspace.close();
  }
}

await main();
