import type { AppEvent } from './app-events';
import { type ApiWithEvents, METHOD_NAMES, type MethodName } from './contract';
import type { Result } from './result';

/** How requests reach the engine: Electron IPC or HTTP. */
export interface Transport {
  call(method: MethodName, request: unknown): Promise<Result<unknown>>;
  subscribe(listener: (event: AppEvent) => void): () => void;
}

/** The typed API over a transport: one function per contract method. */
export function createApi(transport: Transport): ApiWithEvents {
  const api: Record<string, unknown> = {};
  for (const name of METHOD_NAMES) api[name] = (request: unknown) => transport.call(name, request ?? {});
  api['onEvent'] = (listener: (event: AppEvent) => void) => transport.subscribe(listener);
  return api as unknown as ApiWithEvents;
}
