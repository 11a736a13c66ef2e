import { EngineError } from '../../engine/errors';

/** How to reach S3 and where to keep downloaded objects. Credentials are not here: they come from the SDK's chain. */
export interface S3Settings {
  /** An S3-compatible endpoint (MinIO, Ceph, R2, ...); AWS when undefined. */
  readonly endpoint?: string;
  readonly region?: string;
  /** Address buckets as `endpoint/bucket/key` instead of `bucket.endpoint/key`. */
  readonly pathStyle?: boolean;
  /** TraceLens's cache folder (objects go in its `s3` folder); the user's when undefined. */
  readonly cacheDir?: string;
  /** Objects downloaded at the same time. */
  readonly concurrency?: number;
  /** Keys per listing request (S3's maximum, 1000, unless set lower). */
  readonly pageSize?: number;
}

export const DEFAULT_CONCURRENCY = 8;

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The settings the environment gives: endpoint and region as the AWS CLI reads them, plus TraceLens's
 * own `TRACELENS_S3_PATH_STYLE=1` and `TRACELENS_CACHE_DIR` (how `tracelens open` hands its flags to the desktop app).
 */
export function s3SettingsFromEnv(env: Env = process.env): S3Settings {
  return {
    endpoint: env['AWS_ENDPOINT_URL_S3'] || env['AWS_ENDPOINT_URL'] || undefined,
    region: env['AWS_REGION'] || env['AWS_DEFAULT_REGION'] || undefined,
    pathStyle: env['TRACELENS_S3_PATH_STYLE'] === '1' ? true : undefined,
    cacheDir: env['TRACELENS_CACHE_DIR'] || undefined,
  };
}

/** Command-line settings win over the environment's, field by field. */
export function mergeSettings(base: S3Settings, override: S3Settings): S3Settings {
  const merged: Record<string, unknown> = { ...base };
  for (const [name, value] of Object.entries(override)) if (value !== undefined) merged[name] = value;
  return merged as S3Settings;
}

/** The endpoint as a URL, or a one-line error naming the setting. */
export function endpointUrl(endpoint: string): URL {
  let url: URL | undefined;
  try {
    url = new URL(endpoint);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new EngineError('usage', `the S3 endpoint must be an http:// or https:// URL, like http://127.0.0.1:9000 (got "${endpoint}")`);
  }
  return url;
}

/** Virtual-host addressing cannot work with an IP address or localhost, so those always use path style. */
export function needsPathStyle(url: URL): boolean {
  return url.hostname === 'localhost' || /^[\d.]+$/.test(url.hostname) || url.hostname.startsWith('[');
}
