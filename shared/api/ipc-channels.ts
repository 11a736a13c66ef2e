import type { MethodName } from './contract';

/** Electron IPC channel names: one per contract method, one for events. */
export const IPC_EVENT_CHANNEL = 'tracelens:event';

export function ipcChannel(method: MethodName): string {
  return `tracelens:call:${method}`;
}
