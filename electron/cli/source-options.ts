import type { DownloadSummary } from '../../shared/domain/download';
import type { ResolveOptions } from '../sources/resolve';
import type { SettingsStore } from '../engine/settings-store';
import { S3Source } from '../sources/s3/s3-source';
import { mergeSettings, s3SettingsFromEnv } from '../sources/s3/settings';
import { stringOption } from './args';
import type { CommandIo, OptionSpec, ParsedArgs } from './command';
import { downloadProgress } from './download-progress';

/** Options every command that reads SOURCE arguments accepts (remote sources' settings). */
export const SOURCE_OPTIONS: OptionSpec = {
  's3-endpoint': { type: 'string' },
  's3-region': { type: 'string' },
  's3-path-style': { type: 'boolean' },
  'cache-dir': { type: 'string' },
};

export interface SourceResolution extends ResolveOptions {
  /** What s3:// sources downloaded; undefined when there were none. */
  download(): DownloadSummary | undefined;
}

/** `args` with the cache folder of the user's settings when neither `--cache-dir` nor TRACELENS_CACHE_DIR gives one (the app's commands). */
export function withSettingsCacheDir(args: ParsedArgs, cacheDir: string | null): ParsedArgs {
  if (cacheDir === null || stringOption(args, 'cache-dir') !== undefined || process.env['TRACELENS_CACHE_DIR']) return args;
  return { ...args, values: { ...args.values, 'cache-dir': cacheDir } };
}

/** The source options of `args` as the environment variables that give the same settings (for a child process). */
export function sourceOptionsEnv(args: ParsedArgs): Record<string, string> {
  const env: Record<string, string> = {};
  const endpoint = stringOption(args, 's3-endpoint');
  const region = stringOption(args, 's3-region');
  const cacheDir = stringOption(args, 'cache-dir');
  if (endpoint !== undefined) env['AWS_ENDPOINT_URL_S3'] = endpoint;
  if (region !== undefined) env['AWS_REGION'] = region;
  if (args.values['s3-path-style'] === true) env['TRACELENS_S3_PATH_STYLE'] = '1';
  if (cacheDir !== undefined) env['TRACELENS_CACHE_DIR'] = cacheDir;
  return env;
}

/** How a command's SOURCE arguments are resolved, from its options (over the environment's AWS settings). */
export function resolveOptionsFrom(args: ParsedArgs, io?: CommandIo): SourceResolution {
  const settings = mergeSettings(s3SettingsFromEnv(), {
    endpoint: stringOption(args, 's3-endpoint'),
    region: stringOption(args, 's3-region'),
    pathStyle: args.values['s3-path-style'] === true ? true : undefined,
    cacheDir: stringOption(args, 'cache-dir'),
  });
  const s3 = new S3Source(settings, { onProgress: io ? downloadProgress(io.stderr) : undefined });
  return { remote: { s3: (uri) => s3.resolve(uri) }, download: () => s3.summary() };
}

/**
 * How the app resolves SOURCE arguments: like `resolveOptionsFrom`, but the cache
 * folder of s3:// downloads is read from the user's settings at each open (unless
 * `--cache-dir` is given), so a folder chosen in Settings applies to the next open
 * without a restart.
 */
export function resolveOptionsWithSettings(args: ParsedArgs, settings: SettingsStore): ResolveOptions {
  if (stringOption(args, 'cache-dir') !== undefined) return resolveOptionsFrom(args);
  return {
    remote: {
      s3: async (uri) => {
        const { cacheDir } = await settings.get();
        return resolveOptionsFrom(withSettingsCacheDir(args, cacheDir)).remote!['s3']!(uri);
      },
    },
  };
}
