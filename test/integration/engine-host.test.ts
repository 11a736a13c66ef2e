import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostMessage } from '../../electron/host/protocol';
import type { Result } from '../../shared/api/result';
import { writeSmallDemo } from '../helpers/api-server';
import { tempDir } from '../helpers/temp';

describe('the desktop engine host (utility process protocol)', () => {
  let child: ChildProcess;
  let dir: string;
  let cleanup: () => Promise<void>;
  const messages: HostMessage[] = [];
  let nextId = 1;

  const call = (method: string, payload: unknown): Promise<Result<unknown>> => {
    const id = nextId++;
    return new Promise((resolve) => {
      const onMessage = (message: HostMessage) => {
        if (message.kind === 'result' && message.id === id) {
          child.off('message', onMessage);
          resolve(message.result);
        }
      };
      child.on('message', onMessage);
      child.send({ id, method, payload });
    });
  };

  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir('tracelens-host-'));
    await writeSmallDemo(join(dir, 'demo'));
    child = fork('test/helpers/host-shim.ts', [], {
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, TRACELENS_CONFIG_DIR: join(dir, 'config'), TRACELENS_CACHE_DIR: join(dir, 'cache') },
    });
    child.on('message', (message: HostMessage) => messages.push(message));
  });
  afterAll(async () => {
    child.disconnect();
    await new Promise((resolve) => child.once('exit', resolve));
    await cleanup();
  });

  it('ingests in its own process while the caller keeps running, streaming progress events', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 20);
    const opened = await call('openSources', { sources: [join(dir, 'demo')] });
    clearInterval(timer);
    expect(opened.ok).toBe(true);
    expect(ticks).toBeGreaterThan(0);
    expect(messages.some((m) => m.kind === 'event' && m.event.type === 'ingestProgress')).toBe(true);
    expect(messages.some((m) => m.kind === 'event' && m.event.type === 'workspaceOpened')).toBe(true);
    const info = await call('workspaceInfo', {});
    expect(info).toMatchObject({ ok: true, value: { rows: { calls: expect.any(Number) } } });
  });

  it('answers unknown methods and invalid payloads with errors, never by crashing', async () => {
    expect(await call('__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown_request' } });
    expect(await call('tablePage', { limit: 'all' })).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    expect(await call('callDetail', { requestId: 'missing' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(child.exitCode).toBeNull();
  });
});
