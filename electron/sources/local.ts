import { readdir, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { globBase, globToRegExp, hasDumpExtension, hasGlob } from '../../shared/query/glob';
import { EngineError } from '../engine/errors';
import type { FileToLoad } from '../formats/load-file';

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(path)));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}

function toFile(path: string): FileToLoad {
  const absolute = resolve(path);
  return { path: absolute, uri: absolute };
}

async function expandGlob(pattern: string): Promise<FileToLoad[]> {
  const base = globBase(pattern) || '.';
  const regex = globToRegExp(resolve(pattern).split(sep).join('/'));
  const exists = await stat(base).catch(() => undefined);
  if (!exists?.isDirectory()) throw new EngineError('not_found', `no such folder: ${base} (from the pattern ${pattern})`);
  const matches = (await walk(base)).filter((p) => regex.test(resolve(p).split(sep).join('/')));
  if (matches.length === 0) throw new EngineError('not_found', `no file matches ${pattern}`);
  return matches.map(toFile);
}

/** A local SOURCE argument as the files it names: a file, a folder (recursively) or a glob. */
export async function expandLocal(arg: string): Promise<FileToLoad[]> {
  if (hasGlob(arg)) return expandGlob(arg);
  const info = await stat(arg).catch(() => undefined);
  if (!info) throw new EngineError('not_found', `no such file or folder: ${arg}`);
  if (info.isFile()) return [toFile(arg)];
  const files = (await walk(arg)).filter((p) => hasDumpExtension(p));
  if (files.length === 0) {
    throw new EngineError('not_found', `the folder ${arg} holds no trace dumps (.jsonl, .ndjson, .json, .gz or .parquet files)`);
  }
  return files.map(toFile);
}

export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}
