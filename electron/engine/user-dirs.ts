import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where TraceLens keeps the user's settings and caches (the demo dataset, S3 downloads). */
export interface UserDirs {
  readonly config: string;
  readonly cache: string;
}

/** The platform's usual places; TRACELENS_CONFIG_DIR and TRACELENS_CACHE_DIR override them. */
export function userDirs(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: string = homedir()): UserDirs {
  // The XDG base-directory spec says a relative value is invalid and to be ignored.
  const xdg = (name: string): string | undefined => (env[name]?.startsWith('/') ? env[name] : undefined);
  const config =
    platform === 'win32'
      ? join(env['APPDATA'] ?? join(home, 'AppData', 'Roaming'), 'TraceLens')
      : platform === 'darwin'
        ? join(home, 'Library', 'Application Support', 'TraceLens')
        : join(xdg('XDG_CONFIG_HOME') ?? join(home, '.config'), 'tracelens');
  const cache =
    platform === 'win32'
      ? join(env['LOCALAPPDATA'] ?? join(home, 'AppData', 'Local'), 'TraceLens', 'Cache')
      : platform === 'darwin'
        ? join(home, 'Library', 'Caches', 'TraceLens')
        : join(xdg('XDG_CACHE_HOME') ?? join(home, '.cache'), 'tracelens');
  return { config: env['TRACELENS_CONFIG_DIR'] || config, cache: env['TRACELENS_CACHE_DIR'] || cache };
}

export function demoDir(dirs: UserDirs): string {
  return join(dirs.cache, 'demo');
}

/**
 * Where downloaded S3 objects are kept, below a cache folder (the user's, or one given with --cache-dir):
 * a folder of its own, so that no bucket's name meets the demo dataset's folder.
 */
export function s3CacheDir(cache: string): string {
  return join(cache, 's3');
}
