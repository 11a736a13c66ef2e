import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { AppEvent } from '../../shared/api/app-events';
import { type ApiWithEvents, METHOD_NAMES } from '../../shared/api/contract';
import { IPC_EVENT_CHANNEL, ipcChannel } from '../../shared/api/ipc-channels';

/**
 * Exactly the contract: one function per method, plus event subscription. No
 * ipcRenderer, no generic invoke; main checks the sender and validates every payload.
 */
const api: Record<string, unknown> = {};
for (const method of METHOD_NAMES) api[method] = (request: unknown) => ipcRenderer.invoke(ipcChannel(method), request ?? {});
api['onEvent'] = (listener: (event: AppEvent) => void) => {
  const forward = (_event: unknown, event: AppEvent) => listener(event);
  ipcRenderer.on(IPC_EVENT_CHANNEL, forward);
  return () => void ipcRenderer.removeListener(IPC_EVENT_CHANNEL, forward);
};

contextBridge.exposeInMainWorld('tracelens', api as unknown as ApiWithEvents);

// Files dropped on the window open in it; the page never sees file paths.
window.addEventListener('dragover', (event) => event.preventDefault());
window.addEventListener('drop', (event) => {
  event.preventDefault();
  const sources = Array.from(event.dataTransfer?.files ?? []).map((file) => webUtils.getPathForFile(file)).filter((path) => path !== '');
  if (sources.length) void ipcRenderer.invoke(ipcChannel('openSources'), { sources, mode: 'replace' });
});
