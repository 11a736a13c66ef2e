import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { DuckDBInstance } from '@duckdb/node-api';
import { DEFAULT_DEMO, generateDemo } from '../shared/demo/generate';
import { INCIDENT_IDS } from '../shared/demo/incidents';
import { ingestFiles } from '../electron/engine/ingest';
import { Workspace } from '../electron/engine/workspace';
import { resolveSources } from '../electron/sources/resolve';
import { otlpCallLine } from './otlp-call';
import { DATA_DIR } from './paths';

/** Bumped whenever generated data changes shape, so stale caches are rebuilt. */
const DATA_VERSION = '1';

/** Every 100th line of the dirty dump, from line 57 on, is broken in one of these ways. */
const BAD_EVERY = 100;
const BAD_AT = 57;

export interface Dataset {
  readonly calls: number;
  readonly jsonl: string;
  readonly dirty: string;
  /** Lines of `dirty` that are malformed (each must be reported with its number). */
  readonly dirtyBadLines: number;
  readonly parquet: string;
  readonly otlp: string;
  /** A workspace holding the calls, for the query figures. */
  readonly workspace: string;
}

export const sizeName = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}m` : `${n / 1000}k`);

function paths(n: number): Dataset {
  const base = join(DATA_DIR, `calls-${sizeName(n)}`);
  return {
    calls: n,
    jsonl: `${base}.jsonl`,
    dirty: `${base}-dirty.jsonl`,
    dirtyBadLines: Math.floor((n - BAD_AT) / BAD_EVERY) + 1,
    parquet: `${base}.parquet`,
    otlp: `${base}-otlp.jsonl`,
    workspace: `${base}.duckdb`,
  };
}

async function isCached(marker: string): Promise<boolean> {
  return readFile(marker, 'utf8').then((v) => v.trim() === DATA_VERSION, () => false);
}

/** Builds `target` through a temporary path unless a finished build of this data version exists. */
async function cached(target: string, build: (tmp: string) => Promise<void>, log: (m: string) => void): Promise<void> {
  const marker = `${target}.done`;
  if (await isCached(marker)) return;
  const started = performance.now();
  const tmp = `${target}.partial`;
  await rm(tmp, { recursive: true, force: true });
  await build(tmp);
  await rename(tmp, target);
  await writeFile(marker, DATA_VERSION);
  log(`  built ${target} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

async function write(stream: WriteStream, chunk: string | Buffer): Promise<void> {
  if (!stream.write(chunk)) await new Promise<void>((done) => stream.once('drain', () => done()));
}

async function close(stream: WriteStream): Promise<void> {
  await new Promise<void>((done, fail) => stream.end((error?: Error | null) => (error ? fail(error) : done())));
}

/** The first `n` calls of the demo traffic (every incident on), as canonical JSONL and as OTLP JSON. */
async function generateCalls(n: number, jsonl: string, otlp: string): Promise<void> {
  const days = 30;
  const options = { ...DEFAULT_DEMO, days, callsPerDay: Math.ceil((n / days) * 1.3), incidents: INCIDENT_IDS };
  const calls = createWriteStream(jsonl);
  const spans = createWriteStream(otlp);
  let count = 0;
  let callBuffer: string[] = [];
  let spanBuffer: string[] = [];
  const flush = async () => {
    await write(calls, callBuffer.join('\n') + '\n');
    await write(spans, spanBuffer.join('\n') + '\n');
    callBuffer = [];
    spanBuffer = [];
  };
  for (const record of generateDemo(options)) {
    if (record.kind !== 'call') continue;
    callBuffer.push(JSON.stringify(record.value));
    spanBuffer.push(JSON.stringify(otlpCallLine(record.value as unknown as Parameters<typeof otlpCallLine>[0])));
    if (callBuffer.length >= 5000) await flush();
    if (++count >= n) break;
  }
  if (callBuffer.length) await flush();
  await close(calls);
  await close(spans);
  if (count < n) throw new Error(`the demo generator gave only ${count} calls of ${n}`);
}

function breakLine(line: string, lineNo: number): string {
  switch (Math.floor(lineNo / BAD_EVERY) % 3) {
    case 0:
      return line.slice(0, Math.floor(line.length / 2));
    case 1:
      return line.replace('":', '" ');
    default:
      return `2026-11-04T12:00:00Z ERROR upstream connection reset (request ${lineNo})`;
  }
}

async function writeDirty(source: string, target: string): Promise<void> {
  const out = createWriteStream(target);
  let lineNo = 0;
  let buffer: string[] = [];
  for await (const line of createInterface({ input: createReadStream(source), crlfDelay: Infinity })) {
    lineNo++;
    buffer.push(lineNo % BAD_EVERY === BAD_AT ? breakLine(line, lineNo) : line);
    if (buffer.length >= 5000) {
      await write(out, buffer.join('\n') + '\n');
      buffer = [];
    }
  }
  if (buffer.length) await write(out, buffer.join('\n') + '\n');
  await close(out);
}

async function writeParquet(source: string, target: string): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(`COPY (SELECT * FROM read_json($1, format = 'newline_delimited')) TO '${target.replaceAll("'", "''")}' (FORMAT parquet)`, [source]);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

async function writeWorkspace(source: string, target: string): Promise<void> {
  const workspace = await Workspace.open({ path: target });
  try {
    await ingestFiles(workspace, await resolveSources([source]));
  } finally {
    workspace.close();
  }
}

/** The dumps of `n` calls in every format, generated on first use and cached in DATA_DIR. */
export async function ensureDataset(n: number, log: (m: string) => void): Promise<Dataset> {
  await mkdir(DATA_DIR, { recursive: true });
  const d = paths(n);
  await cached(d.jsonl, async (tmp) => {
    await generateCalls(n, tmp, `${d.otlp}.partial`);
    await rename(`${d.otlp}.partial`, d.otlp);
    await writeFile(`${d.otlp}.done`, DATA_VERSION);
  }, log);
  if (!(await isCached(`${d.otlp}.done`))) throw new Error(`${d.otlp} is missing: delete ${d.jsonl}.done to rebuild`);
  await cached(d.dirty, (tmp) => writeDirty(d.jsonl, tmp), log);
  await cached(d.parquet, (tmp) => writeParquet(d.jsonl, tmp), log);
  await cached(d.workspace, (tmp) => writeWorkspace(d.jsonl, tmp), log);
  return d;
}

/** A dump `copies` times the size of `source` (its lines repeated), for the larger-than-memory load. */
export async function ensureRepeated(source: string, copies: number, log: (m: string) => void): Promise<string> {
  const target = source.replace(/\.jsonl$/, `-x${copies}.jsonl`);
  await cached(target, async (tmp) => {
    const out = createWriteStream(tmp);
    for (let i = 0; i < copies; i++) {
      for await (const chunk of createReadStream(source)) await write(out, chunk as Buffer);
    }
    await close(out);
  }, log);
  return target;
}

/** `source` split into `parts` files of consecutive lines, in a folder: a dump as many services write it. */
export async function ensureFolder(source: string, parts: number, log: (m: string) => void): Promise<string> {
  const target = source.replace(/\.jsonl$/, `-${parts}-files`);
  await cached(target, async (tmp) => {
    await mkdir(tmp, { recursive: true });
    const lines = Number((await readFile(source, 'utf8').then((t) => t.split('\n').length - 1)));
    const perPart = Math.ceil(lines / parts);
    let out: WriteStream | undefined;
    let lineNo = 0;
    for await (const line of createInterface({ input: createReadStream(source), crlfDelay: Infinity })) {
      if (lineNo % perPart === 0) {
        if (out) await close(out);
        out = createWriteStream(join(tmp, `part-${String(lineNo / perPart).padStart(4, '0')}.jsonl`));
      }
      await write(out!, line + '\n');
      lineNo++;
    }
    if (out) await close(out);
  }, log);
  return target;
}

export async function sizeMb(path: string): Promise<number> {
  const info = await stat(path);
  if (!info.isDirectory()) return info.size / 1024 / 1024;
  const entries = await readdir(path);
  const sizes = await Promise.all(entries.map((e) => stat(join(path, e)).then((s) => s.size)));
  return sizes.reduce((a, b) => a + b, 0) / 1024 / 1024;
}
