import { execFileSync } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { renderTable } from '../electron/cli/table';
import { type BenchCase, casesFor, folderCase, spillCase } from './cases';
import { ensureDataset, ensureFolder, ensureRepeated, sizeMb } from './datasets';
import { type Measured, measure, PYTHON, type Runner } from './measure';
import { DATA_DIR, RESULTS_FILE } from './paths';
import type { CaseResult, SideSummary, TargetResult } from './results';
import { spread } from './stats';
import { judgeTargets } from './targets';

const { values: opts } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    reps: { type: 'string', default: '3' },
    only: { type: 'string' },
    out: { type: 'string', default: RESULTS_FILE },
    /** Re-measure the selected cases and update them in the existing results file, keeping the others. */
    merge: { type: 'boolean', default: false },
  },
});

const log = (message: string) => process.stderr.write(`${message}\n`);
const REPS = Math.max(1, Number(opts.reps) || 3);

function summarize(runner: Runner, runs: readonly Measured[], inputMb: number | null): SideSummary {
  const ms = spread(runs.map((r) => r.ms));
  const last = runs[runs.length - 1]!;
  return {
    label: runner.label,
    ms,
    rssMb: spread(runs.map((r) => r.maxRssMb)),
    rows: last.rows,
    rowsPerS: Math.round(last.rows / (ms.median / 1000)),
    mbPerS: inputMb === null ? null : Math.round(inputMb / (ms.median / 1000)),
    runsMs: runs.map((r) => Math.round(r.ms * 10) / 10),
    ...(runs.every((r) => r.cpuMs !== undefined) ? { cpuMs: spread(runs.map((r) => r.cpuMs!)) } : {}),
    ...(last.detail ? { detail: last.detail } : {}),
  };
}

async function clearScratch(c: BenchCase): Promise<void> {
  for (const path of c.scratch ?? []) await rm(path, { recursive: true, force: true });
}

async function runOnce(c: BenchCase, runner: Runner): Promise<Measured> {
  await clearScratch(c);
  try {
    return await measure(runner);
  } finally {
    await clearScratch(c);
  }
}

/** Runs a case's sides alternately (A B A B ...), each run in a fresh process. */
async function runCase(c: BenchCase): Promise<CaseResult> {
  const inputMb = c.input ? await sizeMb(c.input) : null;
  const base = { id: c.id, group: c.group, title: c.title, inputMb: inputMb === null ? null : Math.round(inputMb) };
  if (c.pending) return { ...base, note: c.pending };
  const a: Measured[] = [];
  const b: Measured[] = [];
  try {
    for (let rep = 0; rep < (c.reps ?? REPS); rep++) {
      a.push(await runOnce(c, c.a));
      if (c.b) b.push(await runOnce(c, c.b));
    }
  } catch (error) {
    return { ...base, note: (error as Error).message };
  }
  const sa = summarize(c.a, a, inputMb);
  const sb = c.b ? summarize(c.b, b, inputMb) : undefined;
  const problem = c.verify?.(a[a.length - 1]!);
  return {
    ...base,
    a: sa,
    ...(sb ? { b: sb, ratio: sa.ms.median / sb.ms.median, rssRatio: sa.rssMb.median / sb.rssMb.median } : {}),
    ...(sa.cpuMs && sb?.cpuMs ? { cpuRatio: sa.cpuMs.median / sb.cpuMs.median } : {}),
    ...(problem ? { note: `WRONG RESULT: ${problem}` } : {}),
  };
}

const sec = (msValue: number) => (msValue >= 1000 ? `${(msValue / 1000).toFixed(2)} s` : `${msValue.toFixed(msValue < 10 ? 1 : 0)} ms`);
const cellOf = (s: SideSummary | undefined) => (s ? `${sec(s.ms.median)} (${sec(s.ms.min)}-${sec(s.ms.max)})` : '-');

function printTable(results: readonly CaseResult[]): void {
  const rows = results.map((r) => [
    r.title,
    cellOf(r.a),
    cellOf(r.b),
    r.ratio === undefined ? '-' : `${r.ratio.toFixed(2)}x`,
    r.cpuRatio === undefined ? '-' : `${r.cpuRatio.toFixed(2)}x`,
    r.a?.mbPerS ?? null,
    r.a && r.inputMb !== null ? Math.round(r.a.rowsPerS / 1000) : null,
    r.a ? `${Math.round(r.a.rssMb.median)}${r.b ? ` / ${Math.round(r.b.rssMb.median)}` : ''}` : '-',
    r.note ?? '',
  ]);
  process.stdout.write('\n' + renderTable(['case', 'TraceLens / peer: median (min-max)', 'raw DuckDB', 'ratio', 'CPU ratio', 'MB/s', 'k rows/s', 'peak RSS MB', 'note'], rows));
}

function printTargets(targets: readonly TargetResult[]): void {
  const rows = targets.map((t) => [t.ok === null ? 'n/a' : t.ok ? 'ok' : 'MISS', t.target, t.measured]);
  process.stdout.write('\n' + renderTable(['', 'target', 'measured'], rows));
}

function hasPandas(): boolean {
  try {
    execFileSync(PYTHON, ['-c', 'import pandas'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function machine() {
  const cpu = cpus();
  return { cpus: cpu.length, cpu: cpu[0]?.model ?? 'unknown', memoryGb: Math.round(totalmem() / 2 ** 30), freeMemoryGb: Math.round(freemem() / 2 ** 30), node: process.version, platform: `${process.platform} ${process.arch}`, loadAverage: loadavg().map((v) => Math.round(v * 100) / 100) };
}

async function main(): Promise<void> {
  const started = Date.now();
  const sizes = opts.quick ? [100_000] : [100_000, 1_000_000];
  const pandas = hasPandas();
  log(`Data in ${DATA_DIR} (generated once, then reused)`);
  const cases: BenchCase[] = [];
  for (const n of sizes) {
    const d = await ensureDataset(n, log);
    // --quick is a two-minute check: peers once, and Chromium (its target is at 1M) only when asked for with --only.
    const peerReps = (calls: number) => (opts.quick || calls >= 1_000_000 ? 1 : REPS);
    const browser = (calls: number) => calls === sizes[sizes.length - 1] && (!opts.quick || Boolean(opts.only?.includes('browser')));
    cases.push(...casesFor(d, { pandas, peerReps, browser }));
    if (n === 100_000) cases.push(folderCase(await ensureFolder(d.jsonl, 150, log), 150, n));
  }
  let spill: BenchCase | undefined;
  if (!opts.quick) {
    const big = await ensureRepeated((await ensureDataset(1_000_000, log)).jsonl, 3, log);
    spill = spillCase(big, 3_000_000);
    cases.push(spill);
  }
  const before = machine();
  const selected = cases.filter((c) => !opts.only || c.id.includes(opts.only));
  const results: CaseResult[] = [];
  for (const c of selected) {
    process.stderr.write(`${c.title} ...`);
    const caseStarted = Date.now();
    const result = await runCase(c);
    const wallS = Math.round((Date.now() - caseStarted) / 100) / 10;
    log(` ${wallS} s`);
    results.push({ ...result, wallS });
  }
  const largest = sizes[sizes.length - 1]!;
  const previous = opts.merge ? (JSON.parse(await readFile(opts.out, 'utf8')) as { results: CaseResult[]; updates?: unknown[] }) : undefined;
  const fresh = new Set(results.map((r) => r.id));
  const merged = previous ? [...previous.results.map((r) => (fresh.has(r.id) ? results.find((n) => n.id === r.id)! : r)), ...results.filter((r) => !previous.results.some((p) => p.id === r.id))] : results;
  const targets = judgeTargets(merged, largest, spill ? merged.find((r) => r.id === spill.id) : undefined);
  printTable(results);
  printTargets(targets);
  const run = { generatedAt: new Date().toISOString(), mode: opts.quick ? 'quick' : 'full', repetitions: REPS, durationS: Math.round((Date.now() - started) / 1000), machine: { ...before, loadAverageAfter: machine().loadAverage } };
  const output = previous ? { ...previous, results: merged, targets, updates: [...(previous.updates ?? []), { ...run, cases: [...fresh] }] } : { ...run, results, targets };
  await mkdir(dirname(opts.out), { recursive: true });
  await writeFile(opts.out, JSON.stringify(output, null, 2) + '\n');
  log(`\nWrote ${opts.out} (${run.durationS} s)`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
