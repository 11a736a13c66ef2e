import { demoDir, s3CacheDir, userDirs } from '../../electron/engine/user-dirs';
import { describe, expect, it } from 'vitest';
import { s3Error } from '../../electron/sources/s3/errors';
import { endpointUrl, mergeSettings, needsPathStyle, s3SettingsFromEnv } from '../../electron/sources/s3/settings';

describe('S3 settings', () => {
  it('reads the endpoint and region the AWS CLI reads, the S3-specific endpoint first', () => {
    expect(s3SettingsFromEnv({ AWS_ENDPOINT_URL: 'http://a:9000', AWS_DEFAULT_REGION: 'eu-west-1' })).toEqual({ endpoint: 'http://a:9000', region: 'eu-west-1' });
    expect(s3SettingsFromEnv({ AWS_ENDPOINT_URL: 'http://a', AWS_ENDPOINT_URL_S3: 'http://s3', AWS_REGION: 'us-west-2', AWS_DEFAULT_REGION: 'x' })).toEqual({ endpoint: 'http://s3', region: 'us-west-2' });
    expect(s3SettingsFromEnv({ AWS_ENDPOINT_URL: '' })).toEqual({ endpoint: undefined, region: undefined });
  });

  it("reads TraceLens's own path-style and cache folder variables", () => {
    expect(s3SettingsFromEnv({ TRACELENS_S3_PATH_STYLE: '1', TRACELENS_CACHE_DIR: '/cache' })).toMatchObject({ pathStyle: true, cacheDir: '/cache' });
    expect(s3SettingsFromEnv({ TRACELENS_S3_PATH_STYLE: '0', TRACELENS_CACHE_DIR: '' })).toMatchObject({ pathStyle: undefined, cacheDir: undefined });
  });

  it('command-line options win over the environment, unset ones do not erase it', () => {
    expect(mergeSettings({ endpoint: 'http://env', region: 'eu-west-1' }, { endpoint: 'http://cli', region: undefined, pathStyle: true })).toEqual({ endpoint: 'http://cli', region: 'eu-west-1', pathStyle: true });
  });

  it('accepts http(s) endpoints only, with a one-line message', () => {
    expect(endpointUrl('https://abc.r2.cloudflarestorage.com').hostname).toBe('abc.r2.cloudflarestorage.com');
    expect(() => endpointUrl('minio:9000')).toThrow('the S3 endpoint must be an http:// or https:// URL, like http://127.0.0.1:9000 (got "minio:9000")');
    expect(() => endpointUrl('ftp://x')).toThrow(/must be an http/);
  });

  it('uses path style for IP addresses and localhost, where bucket host names cannot resolve', () => {
    expect(needsPathStyle(new URL('http://127.0.0.1:9000'))).toBe(true);
    expect(needsPathStyle(new URL('http://localhost:9000'))).toBe(true);
    expect(needsPathStyle(new URL('http://[::1]:9000'))).toBe(true);
    expect(needsPathStyle(new URL('https://minio.internal:9000'))).toBe(false);
  });

  it('keeps downloads in the s3 folder of the platform cache folder, or of the one given', () => {
    expect(s3CacheDir(userDirs({}, 'linux', '/home/u').cache)).toBe('/home/u/.cache/tracelens/s3');
    expect(s3CacheDir(userDirs({ XDG_CACHE_HOME: '/var/cache/u' }, 'linux', '/home/u').cache)).toBe('/var/cache/u/tracelens/s3');
    expect(s3CacheDir(userDirs({ XDG_CACHE_HOME: 'relative' }, 'linux', '/home/u').cache)).toBe('/home/u/.cache/tracelens/s3');
    expect(s3CacheDir(userDirs({}, 'darwin', '/Users/u').cache)).toBe('/Users/u/Library/Caches/TraceLens/s3');
    expect(s3CacheDir(userDirs({ TRACELENS_CACHE_DIR: '/data/tl' }, 'linux', '/home/u').cache)).toBe('/data/tl/s3');
    expect(s3CacheDir(userDirs({ TRACELENS_CACHE_DIR: '' }, 'linux', '/home/u').cache)).toBe('/home/u/.cache/tracelens/s3');
    expect(demoDir(userDirs({ TRACELENS_CACHE_DIR: '/data/tl' }, 'linux', '/home/u'))).toBe('/data/tl/demo');
  });
});

describe('S3 error messages', () => {
  const context = { uri: 's3://logs/day/calls.jsonl', bucket: 'logs', key: 'day/calls.jsonl', endpoint: 'http://127.0.0.1:9000' };
  const sdk = (name: string, status?: number, extra: Record<string, unknown> = {}) => Object.assign(new Error(`${name} happened\nsecond line`), { name, $metadata: { httpStatusCode: status }, ...extra });

  it.each([
    [sdk('CredentialsProviderError'), 's3_no_credentials', /^no AWS credentials found to read s3:\/\/logs\/day\/calls.jsonl: set AWS_ACCESS_KEY_ID/],
    [sdk('AccessDenied', 403), 's3_access_denied', /^access denied to s3:\/\/logs\/day\/calls.jsonl \(bucket logs, key day\/calls.jsonl\)/],
    [sdk('Forbidden', 403), 's3_access_denied', /^access denied to /],
    [sdk('InvalidAccessKeyId', 403), 's3_access_denied', /^the S3 endpoint rejected the credentials \(InvalidAccessKeyId\)/],
    [sdk('NoSuchBucket', 404), 's3_not_found', /^no such bucket: logs \(in s3:\/\/logs\/day\/calls.jsonl\)$/],
    [sdk('NotFound', 404), 's3_not_found', /^no such key: s3:\/\/logs\/day\/calls.jsonl \(bucket logs, key day\/calls.jsonl\)$/],
    [Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9000'), { code: 'ECONNREFUSED' }), 's3_unreachable', /^cannot reach the S3 endpoint http:\/\/127.0.0.1:9000: connection refused \(ECONNREFUSED\)/],
    [Object.assign(new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })], ''), {}), 's3_unreachable', /connection refused/],
    [sdk('SlowDown', 503), 'bad_input', /^S3 request for s3:\/\/logs\/day\/calls.jsonl failed: SlowDown: SlowDown happened$/],
  ])('%s', (error, code, message) => {
    const mapped = s3Error(error, context);
    expect(mapped.code).toBe(code);
    expect(mapped.message).toMatch(message);
    expect(mapped.message).not.toContain('\n');
  });

  it('a listing that is denied names the bucket, not a key', () => {
    expect(s3Error(sdk('AccessDenied', 403), { uri: 's3://logs/day/', bucket: 'logs', listing: true }).message).toBe(
      'access denied listing s3://logs/day/ (bucket logs): the credentials in use are not allowed to list this bucket',
    );
  });

  it('never repeats a credential value the process holds', () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    process.env['AWS_SECRET_ACCESS_KEY'] = secret;
    try {
      const mapped = s3Error(new Error(`signing with ${secret} failed`), context);
      expect(mapped.message).not.toContain(secret);
      expect(mapped.message).toContain('***');
    } finally {
      delete process.env['AWS_SECRET_ACCESS_KEY'];
    }
  });
});
