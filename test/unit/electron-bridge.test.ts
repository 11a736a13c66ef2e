import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES } from '../../shared/api/contract';
import { ok } from '../../shared/api/result';

// No Electron runtime exists on the test machines: these stand-ins record what the
// preload and the IPC registration hand to Electron's APIs.
const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoked: [] as [string, unknown][],
  handlers: new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>(),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => electron.exposed.set(key, value) },
  ipcRenderer: {
    invoke: async (channel: string, payload: unknown) => {
      electron.invoked.push([channel, payload]);
      return ok(null);
    },
    on: () => undefined,
    removeListener: () => undefined,
  },
  webUtils: { getPathForFile: () => '' },
  ipcMain: { handle: (channel: string, handler: (event: unknown, payload: unknown) => Promise<unknown>) => electron.handlers.set(channel, handler) },
}));

describe('the preload', () => {
  beforeEach(() => {
    vi.stubGlobal('window', { addEventListener: () => undefined });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('exposes exactly the contract: one function per method and event subscription', async () => {
    await import('../../electron/preload/preload');
    const api = electron.exposed.get('tracelens') as Record<string, (request?: unknown) => Promise<unknown>>;
    expect([...electron.exposed.keys()]).toEqual(['tracelens']);
    expect(Object.keys(api).sort()).toEqual([...METHOD_NAMES, 'onEvent'].sort());
    for (const fn of Object.values(api)) expect(typeof fn).toBe('function');
    await api['tablePage']!({ limit: 5 });
    expect(electron.invoked).toEqual([['tracelens:call:tablePage', { limit: 5 }]]);
  });
});

describe('the IPC handlers', () => {
  const host = { call: vi.fn(async () => ok({ answered: true })) };
  const appFrame = { url: 'app://tracelens/#/overview' };
  const event = (frame: { url: string } | null, main = frame) => ({ senderFrame: frame, sender: { mainFrame: main } });

  beforeEach(async () => {
    host.call.mockClear();
    const { registerIpc } = await import('../../electron/main/ipc');
    electron.handlers.clear();
    registerIpc(() => host as never);
  });

  it('registers one channel per contract method', () => {
    expect([...electron.handlers.keys()].sort()).toEqual(METHOD_NAMES.map((m) => `tracelens:call:${m}`).sort());
  });

  it.each([
    ['a subframe', event({ url: 'app://tracelens/' }, { url: 'app://tracelens/' })],
    ['a foreign page', event({ url: 'https://evil.example/' })],
    ['a file: page', event({ url: 'file:///tmp/x.html' })],
    ['a destroyed frame', event(null, appFrame)],
  ])('refuses %s without reaching the engine', async (_what, sender) => {
    const result = await electron.handlers.get('tracelens:call:workspaceInfo')!(sender, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(host.call).not.toHaveBeenCalled();
  });

  it('rejects invalid payloads before the engine sees them', async () => {
    const result = await electron.handlers.get('tracelens:call:facetValues')!(event(appFrame), { column: 'x; DROP TABLE calls' });
    expect(result).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    expect(host.call).not.toHaveBeenCalled();
  });

  it("forwards the app's own valid requests to the window's engine", async () => {
    const result = await electron.handlers.get('tracelens:call:facetValues')!(event(appFrame), { column: 'feature' });
    expect(result).toEqual(ok({ answered: true }));
    expect(host.call).toHaveBeenCalledWith('facetValues', { column: 'feature' });
  });
});
