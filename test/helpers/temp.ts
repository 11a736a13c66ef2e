import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** A fresh folder under the OS temp dir, removed by `cleanup`. */
export async function tempDir(prefix = 'tracelens-test-'): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export async function writeLines(path: string, lines: readonly (string | object)[], options: { gzip?: boolean; trailingNewline?: boolean } = {}): Promise<string> {
  const text = lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + (options.trailingNewline === false ? '' : '\n');
  await writeFile(path, options.gzip ? gzipSync(text) : text);
  return path;
}
