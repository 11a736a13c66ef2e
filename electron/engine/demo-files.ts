import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_DEMO, type DemoOptions, generateDemo } from '../../shared/demo/generate';
import { INCIDENT_IDS } from '../../shared/demo/incidents';

export const DEMO_FILES = { call: 'calls.jsonl', score: 'scores.jsonl', otlp: 'otel-spans.jsonl' } as const;

export interface DemoSummary {
  readonly dir: string;
  readonly calls: number;
  readonly scores: number;
  readonly otlpLines: number;
}

async function write(stream: WriteStream, chunk: string): Promise<void> {
  if (!stream.write(chunk)) await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
}

async function close(stream: WriteStream): Promise<void> {
  await new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

/** Writes the demo dataset's JSON-lines files into `dir` (through a temp folder, so a cut-off run leaves nothing half-written). */
export async function writeDemoDataset(dir: string, options: DemoOptions = DEFAULT_DEMO): Promise<DemoSummary> {
  const temp = `${dir}.partial-${process.pid}`;
  await rm(temp, { recursive: true, force: true });
  await mkdir(temp, { recursive: true });
  const streams = {
    call: createWriteStream(join(temp, DEMO_FILES.call)),
    score: createWriteStream(join(temp, DEMO_FILES.score)),
    otlp: createWriteStream(join(temp, DEMO_FILES.otlp)),
  };
  const counts = { call: 0, score: 0, otlp: 0 };
  const buffers: Record<keyof typeof streams, string[]> = { call: [], score: [], otlp: [] };
  for (const record of generateDemo(options)) {
    counts[record.kind]++;
    const buffer = buffers[record.kind];
    buffer.push(JSON.stringify(record.value));
    if (buffer.length >= 2000) await write(streams[record.kind], buffer.splice(0).join('\n') + '\n');
  }
  for (const kind of Object.keys(streams) as (keyof typeof streams)[]) {
    if (buffers[kind].length) await write(streams[kind], buffers[kind].join('\n') + '\n');
    await close(streams[kind]);
  }
  await rm(dir, { recursive: true, force: true });
  await mkdir(join(dir, '..'), { recursive: true });
  await rename(temp, dir);
  return { dir, calls: counts.call, scores: counts.score, otlpLines: counts.otlp };
}

/** The bundled demo: every incident injected, so every view has something to show. */
export const BUNDLED_DEMO: DemoOptions = { ...DEFAULT_DEMO, incidents: INCIDENT_IDS };

/** The bundled demo dataset, generated on first use into `dir`. */
export async function ensureDemoDataset(dir: string): Promise<string> {
  const exists = await stat(join(dir, DEMO_FILES.call)).then(() => true, () => false);
  if (!exists) await writeDemoDataset(dir, BUNDLED_DEMO);
  return dir;
}
