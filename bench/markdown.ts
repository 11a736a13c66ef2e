import { readFile } from 'node:fs/promises';
import { RESULTS_FILE } from './paths';
import type { CaseResult, SideSummary, TargetResult } from './results';

/** Prints the README's performance tables from a results file (default bench/results/latest.json). */
interface Results {
  readonly generatedAt: string;
  readonly mode: string;
  readonly repetitions: number;
  readonly durationS: number;
  readonly machine: { cpus: number; cpu: string; memoryGb: number; node: string; platform: string; loadAverage: number[]; loadAverageAfter: number[] };
  readonly results: readonly CaseResult[];
  readonly targets: readonly TargetResult[];
  readonly updates?: readonly { generatedAt: string; cases: readonly string[]; machine: { loadAverage: number[] } }[];
}

const t = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`);
const side = (s: SideSummary | undefined) => (s ? `${t(s.ms.median)} (${t(s.ms.min)}–${t(s.ms.max)})` : '–');

async function main(): Promise<void> {
  const r = JSON.parse(await readFile(process.argv[2] ?? RESULTS_FILE, 'utf8')) as Results;
  const m = r.machine;
  const out: string[] = [];
  out.push(`Measured ${r.generatedAt.slice(0, 16).replace('T', ' ')} UTC, ${r.mode} run (${r.durationS} s), ${r.repetitions} repetitions: ${m.cpus} × ${m.cpu}, ${m.memoryGb} GB, ${m.platform}, Node ${m.node}; load average ${m.loadAverage.join(' / ')} before, ${m.loadAverageAfter.join(' / ')} after.`, '');
  for (const u of r.updates ?? []) out.push(`Re-measured ${u.generatedAt.slice(0, 16).replace('T', ' ')} UTC (\`--merge\`, load average ${u.machine.loadAverage.join(' / ')}): ${u.cases.join(', ')}.`, '');
  out.push('| case | TraceLens or peer: median (min–max) | raw DuckDB | ratio | MB/s | rows/s | peak RSS MB (TL / raw) |', '|---|---|---|---|---|---|---|');
  for (const c of r.results) {
    const rss = c.a ? `${Math.round(c.a.rssMb.median)}${c.b ? ` / ${Math.round(c.b.rssMb.median)}` : ''}` : '–';
    const note = c.note ? ` (${c.note})` : '';
    out.push(`| ${c.title}${note} | ${side(c.a)} | ${side(c.b)} | ${c.ratio === undefined ? '–' : `${c.ratio.toFixed(2)}×`} | ${c.a?.mbPerS ?? '–'} | ${c.a && c.inputMb !== null ? `${Math.round(c.a.rowsPerS / 1000)}k` : '–'} | ${rss} |`);
  }
  out.push('', '| target | measured | |', '|---|---|---|');
  for (const target of r.targets) out.push(`| ${target.target} | ${target.measured} | ${target.ok === null ? 'n/a' : target.ok ? 'ok' : '**miss**'} |`);
  process.stdout.write(out.join('\n') + '\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
