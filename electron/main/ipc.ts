import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { METHOD_NAMES, METHODS, type MethodName } from '../../shared/api/contract';
import { err, type Result } from '../../shared/api/result';
import { ipcChannel } from '../../shared/api/ipc-channels';
import { isTrustedSender } from '../security/policy';
import type { EngineHost } from './engine-host';

/** The engine of the window a request came from. */
export type HostLookup = (event: IpcMainInvokeEvent) => EngineHost | undefined;

function senderOk(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return isTrustedSender(frame ? { url: frame.url, isMainFrame: frame === event.sender.mainFrame } : null);
}

async function handle(method: MethodName, event: IpcMainInvokeEvent, payload: unknown, hostFor: HostLookup): Promise<Result<unknown>> {
  if (!senderOk(event)) return err('unauthorized', 'request from a frame that is not the app');
  const parsed = METHODS[method].request.safeParse(payload);
  if (!parsed.success) return err('bad_input', `invalid request: ${parsed.error.issues[0]?.message ?? 'rejected'}`);
  const host = hostFor(event);
  if (!host) return err('internal', 'this window has no engine');
  return host.call(method, payload);
}

/** One IPC handler per contract method: sender frame checked and payload validated before the engine sees it. */
export function registerIpc(hostFor: HostLookup): void {
  for (const method of METHOD_NAMES) ipcMain.handle(ipcChannel(method), (event, payload: unknown) => handle(method, event, payload, hostFor));
}
