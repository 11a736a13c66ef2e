import type { DownloadSummary } from '../../shared/domain/download';
import type { ResolveOptions } from '../sources/resolve';
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

/** `args` with the cache folder of the user's settings when `--cache-dir` is not given (the app's commands). */
export function withSettingsCacheDir(args: ParsedArgs, cacheDir: string | null): ParsedArgs {
  if (cacheDir === null || stringOption(args, 'cache-dir') !== undefined) return args;
  return { ...args, values: { ...args.values, 'cache-dir': cacheDir } };
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
