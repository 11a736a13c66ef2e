import { type ChildProcess, fork } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostMessage } from '../../electron/host/protocol';
import type { Result } from '../../shared/api/result';
import { DEFAULT_DEMO, generateDemo } from '../../shared/demo/generate';
import { s3TestEnv, type S3TestServer, startS3Server } from '../helpers/s3-server';
import { tempDir } from '../helpers/temp';

/** Every file under `dir`, relative paths; none when it does not exist. */
async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => e.name);
}

describe('the desktop engine host keeps s3:// downloads in the cache folder of the settings', () => {
  let child: ChildProcess;
  let dir: string;
  let cleanup: () => Promise<void>;
  let s3: S3TestServer;
  let nextId = 1;

  const call = (method: string, payload: unknown): Promise<Result<unknown>> => {
    const id = nextId++;
    return new Promise((resolve) => {
      const onMessage = (message: HostMessage) => {
        if (message.kind !== 'result' || message.id !== id) return;
        child.off('message', onMessage);
        resolve(message.result);
      };
      child.on('message', onMessage);
      child.send({ id, method, payload });
    });
  };

  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir('tracelens-host-cache-'));
    s3 = await startS3Server(['traces']);
    const calls = [...generateDemo({ ...DEFAULT_DEMO, days: 1, callsPerDay: 200 })].filter((r) => r.kind === 'call').map((r) => JSON.stringify(r.value));
    await s3.put('traces', 'day/calls.jsonl', calls.join('\n') + '\n');
    // TRACELENS_CACHE_DIR would override the setting (it is how `tracelens open --cache-dir` reaches the app).
    const { TRACELENS_CACHE_DIR: _override, ...env } = process.env;
    child = fork('test/helpers/host-shim.ts', [], {
      execArgv: ['--import', 'tsx'],
      env: { ...env, ...s3TestEnv(dir), AWS_ENDPOINT_URL: s3.endpoint, TRACELENS_CONFIG_DIR: join(dir, 'config'), XDG_CACHE_HOME: join(dir, 'cache') },
    });
  });
  afterAll(async () => {
    child?.disconnect();
    await new Promise((resolve) => child?.once('exit', resolve));
    await s3?.stop();
    await cleanup();
  });

  it('reads the setting at each open: a folder changed in Settings takes the next download, without a restart', async () => {
    const first = join(dir, 'first-cache');
    const second = join(dir, 'second-cache');
    expect(await call('saveSettings', { cacheDir: first })).toMatchObject({ ok: true, value: { cacheDir: first } });
    expect(await call('openSources', { sources: ['s3://traces/day/'] })).toMatchObject({ ok: true, value: { workspace: { rows: { calls: expect.any(Number) } } } });
    expect(await files(first)).toHaveLength(1);

    expect(await call('saveSettings', { cacheDir: second })).toMatchObject({ ok: true });
    expect(await call('openSources', { sources: ['s3://traces/day/'] })).toMatchObject({ ok: true });
    expect(await files(second)).toHaveLength(1);
    expect(await files(first)).toHaveLength(1);
  });
});
