import { EngineError } from '../engine/errors';
import type { FileToLoad } from '../formats/load-file';
import { expandLocal } from './local';
import { S3Source } from './s3/s3-source';
import { s3SettingsFromEnv } from './s3/settings';

/** Resolves SOURCE arguments of other schemes (s3://) to local files. */
export type RemoteResolver = (uri: string) => Promise<FileToLoad[]>;

export interface ResolveOptions {
  /** Resolvers by scheme; without it, s3:// uses the settings of the environment (AWS_ENDPOINT_URL, AWS_REGION, AWS_PROFILE). */
  readonly remote?: Readonly<Record<string, RemoteResolver>>;
}

function defaultRemote(): Record<string, RemoteResolver> {
  const s3 = new S3Source(s3SettingsFromEnv());
  return { s3: (uri) => s3.resolve(uri) };
}

export function schemeOf(arg: string): string | undefined {
  return /^([a-z][a-z0-9+.-]*):\/\//i.exec(arg)?.[1]?.toLowerCase();
}

/** Every SOURCE argument as the files to load, in argument order, each once. */
export async function resolveSources(args: readonly string[], options: ResolveOptions = {}): Promise<FileToLoad[]> {
  const files: FileToLoad[] = [];
  const seen = new Set<string>();
  let remote = options.remote;
  for (const arg of args) {
    const scheme = schemeOf(arg);
    let found: FileToLoad[];
    if (scheme === undefined || scheme === 'file') {
      found = await expandLocal(scheme === 'file' ? new URL(arg).pathname : arg);
    } else {
      remote ??= defaultRemote();
      const resolver = remote[scheme];
      if (!resolver) throw new EngineError('usage', `cannot open ${arg}: TraceLens reads local paths and s3:// URIs`);
      found = await resolver(arg);
    }
    for (const file of found) {
      if (seen.has(file.uri)) continue;
      seen.add(file.uri);
      files.push(file);
    }
  }
  return files;
}
