import type { ApiWithEvents } from '../../../shared/api/contract';
import { coalescing, type Schedule } from '../../../shared/api/coalesce';
import { createApi } from '../../../shared/api/transport';
import { httpTransport } from './http-transport';
import { ipcTransport } from './ipc-transport';

const TOKEN_KEY = 'tracelens.token';

declare global {
  interface Window {
    /** Set by the desktop app's preload; absent in browser mode. */
    readonly tracelens?: ApiWithEvents;
  }
}

/** Browser mode's token: from the printed URL once (then removed from the address bar), kept for reloads of this tab. */
function browserToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    window.sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
  }
  return window.sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/** Browser mode's credentials for requests outside the contract (uploads). */
export function browserAuthorization(): string {
  return `Bearer ${browserToken()}`;
}

const schedule: Schedule = (work, ms) => {
  const timer = window.setTimeout(work, ms);
  return () => window.clearTimeout(timer);
};

/**
 * The engine, through the desktop bridge or browser mode's HTTP API: the same typed functions either way.
 * Answers to calls made together are handed over together (see coalescing).
 */
export function connectApi(): ApiWithEvents {
  const transport = window.tracelens ? ipcTransport(window.tracelens) : httpTransport({ baseUrl: '', token: browserToken() });
  return createApi(coalescing(transport, schedule));
}

let api: ApiWithEvents | undefined;

/** The app-wide API client. */
export function getApi(): ApiWithEvents {
  api ??= connectApi();
  return api;
}
