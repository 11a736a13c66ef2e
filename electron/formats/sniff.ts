import { open } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';

export type Compression = 'none' | 'gzip';

export interface FileHead {
  readonly magic: Buffer;
  readonly compression: Compression;
  readonly size: number;
}

export async function readHead(path: string): Promise<FileHead> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const magic = Buffer.alloc(16);
    const { bytesRead } = await handle.read(magic, 0, 16, 0);
    const head = magic.subarray(0, bytesRead);
    return { magic: head, compression: head[0] === 0x1f && head[1] === 0x8b ? 'gzip' : 'none', size };
  } finally {
    await handle.close();
  }
}

export function isParquet(head: FileHead): boolean {
  return head.magic.subarray(0, 4).toString('latin1') === 'PAR1';
}

export function isDuckDb(head: FileHead): boolean {
  return head.magic.subarray(8, 12).toString('latin1') === 'DUCK';
}

const WINDOW = 256 * 1024;
const WINDOWS = 8;

/**
 * Complete lines from several places in a file: its head, evenly spaced windows and
 * its tail (only the head for a gzip stream, which cannot be seeked). Used to detect
 * the format and the extra fields of a dump without reading all of it.
 */
export async function sampleLines(path: string, head: FileHead): Promise<string[]> {
  if (head.compression === 'gzip') {
    const { text, complete } = await gunzipHead(path, 2 * WINDOW);
    const lines = splitComplete(text, true, complete);
    if (lines.length > 0 || complete) return lines;
    return splitComplete((await gunzipHead(path, MAX_SNIFF_LINE)).text.split('\n')[0] ?? '', true, true);
  }
  const handle = await open(path, 'r');
  try {
    // A file no larger than all the windows together is read once, whole: overlapping windows would parse its lines several times.
    const whole = head.size <= WINDOW * (WINDOWS + 2);
    const offsets = new Set<number>([0]);
    if (!whole) {
      for (let i = 1; i <= WINDOWS; i++) offsets.add(Math.max(0, Math.floor((head.size * i) / (WINDOWS + 1)) - WINDOW / 2));
      offsets.add(Math.max(0, head.size - WINDOW));
    }
    const lines: string[] = [];
    for (const offset of [...offsets].sort((a, b) => a - b)) {
      const buffer = Buffer.alloc(whole ? head.size : Math.min(WINDOW, head.size - offset));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset);
      const text = buffer.subarray(0, bytesRead).toString('utf8');
      lines.push(...splitComplete(text, offset === 0, offset + bytesRead >= head.size));
    }
    if (lines.length === 0 && head.size > 0) lines.push(...(await firstLongLine(handle, head.size)));
    return lines;
  } finally {
    await handle.close();
  }
}

/** The first line of a file whose lines are longer than a sample window (one big OTLP batch per line). */
async function firstLongLine(handle: Awaited<ReturnType<typeof open>>, size: number): Promise<string[]> {
  const chunks: Buffer[] = [];
  for (let offset = 0; offset < Math.min(size, MAX_SNIFF_LINE); offset += WINDOW) {
    const buffer = Buffer.alloc(Math.min(WINDOW, size - offset));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset);
    const chunk = buffer.subarray(0, bytesRead);
    const newline = chunk.indexOf(0x0a);
    chunks.push(newline === -1 ? chunk : chunk.subarray(0, newline));
    if (newline !== -1) break;
  }
  return splitComplete(Buffer.concat(chunks).toString('utf8'), true, true);
}

const MAX_SNIFF_LINE = 64 * 1024 * 1024;

function splitComplete(text: string, atStart: boolean, atEnd = false): string[] {
  const parts = text.replace(/^\uFEFF/, '').split('\n');
  if (!atStart) parts.shift();
  if (!atEnd) parts.pop();
  return parts.map((l) => l.replace(/\r$/, '')).filter((l) => l.trim() !== '');
}

async function gunzipHead(path: string, limit: number): Promise<{ text: string; complete: boolean }> {
  const chunks: Buffer[] = [];
  let total = 0;
  const stream = createReadStream(path).pipe(createGunzip());
  try {
    for await (const chunk of stream) {
      chunks.push(chunk as Buffer);
      total += (chunk as Buffer).length;
      if (total >= limit) break;
    }
  } catch {
    // A truncated gzip stream still yields the lines before the cut.
  } finally {
    stream.destroy();
  }
  return { text: Buffer.concat(chunks).toString('utf8'), complete: total < limit };
}

/**
 * Decompresses a whole gzip file, handing each chunk to `onChunk`; the stream's error code when it is
 * damaged or cut off, undefined when it is whole. Reads every byte: asked only after a file looked wrong.
 */
async function drainGzip(path: string, onChunk: (chunk: Buffer) => void = () => {}): Promise<string | undefined> {
  const stream = createReadStream(path).pipe(createGunzip());
  try {
    for await (const chunk of stream) onChunk(chunk as Buffer);
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  } finally {
    stream.destroy();
  }
}

/** Why a gzip file cannot be decompressed, or undefined when it can (asked of a file that gave no line). */
export function gzipProblem(path: string): Promise<string | undefined> {
  return drainGzip(path);
}

/**
 * The last bytes a gzip file decompresses to (up to where a cut-off stream ends), asked only of a file
 * with malformed lines, to tell a torn last line.
 */
export async function readGzipTail(path: string): Promise<string> {
  const limit = 64 * 1024;
  let tail: Buffer = Buffer.alloc(0);
  // A stream cut off mid-write ends at its error: what came before is its tail.
  await drainGzip(path, (chunk) => {
    tail = chunk.length >= limit ? chunk.subarray(chunk.length - limit) : Buffer.concat([tail.subarray(Math.max(0, tail.length + chunk.length - limit)), chunk]);
  });
  return tail.toString('utf8');
}

/** The last bytes of a plain file: tells whether it ends with a newline and what its last line is. */
export async function readTail(path: string, size: number): Promise<string> {
  const length = Math.min(size, 64 * 1024);
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, size - length);
    return buffer.toString('utf8');
  } finally {
    await handle.close();
  }
}
