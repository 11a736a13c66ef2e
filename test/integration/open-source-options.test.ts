import { afterEach, describe, expect, it } from 'vitest';
import type { ParsedArgs } from '../../electron/cli/command';
import { sourceOptionsEnv, withSettingsCacheDir } from '../../electron/cli/source-options';
import { s3SettingsFromEnv } from '../../electron/sources/s3/settings';

const args = (values: ParsedArgs['values']): ParsedArgs => ({ positionals: ['s3://traces/2026/11/04/'], values });

describe('tracelens open hands its source options to the desktop app', () => {
  const saved = process.env['TRACELENS_CACHE_DIR'];
  afterEach(() => {
    if (saved === undefined) delete process.env['TRACELENS_CACHE_DIR'];
    else process.env['TRACELENS_CACHE_DIR'] = saved;
  });

  it('as environment variables that give the same S3 settings in the app', () => {
    const env = sourceOptionsEnv(args({ 's3-endpoint': 'http://127.0.0.1:9000', 's3-region': 'auto', 's3-path-style': true, 'cache-dir': '/data/cache' }));
    expect(s3SettingsFromEnv(env)).toEqual({ endpoint: 'http://127.0.0.1:9000', region: 'auto', pathStyle: true, cacheDir: '/data/cache' });
    // The S3-specific endpoint variable: it wins over an AWS_ENDPOINT_URL the user's shell may have.
    expect(s3SettingsFromEnv({ AWS_ENDPOINT_URL: 'http://other', ...env }).endpoint).toBe('http://127.0.0.1:9000');
    expect(sourceOptionsEnv(args({}))).toEqual({});
  });

  it("keeps a cache folder given on the command line over the Settings' one", () => {
    expect(withSettingsCacheDir(args({}), '/settings/cache').values['cache-dir']).toBe('/settings/cache');
    expect(withSettingsCacheDir(args({ 'cache-dir': '/flag' }), '/settings/cache').values['cache-dir']).toBe('/flag');
    process.env['TRACELENS_CACHE_DIR'] = '/from/open';
    expect(withSettingsCacheDir(args({}), '/settings/cache').values['cache-dir']).toBeUndefined();
    expect(s3SettingsFromEnv().cacheDir).toBe('/from/open');
  });
});
