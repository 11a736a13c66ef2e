import type { ApiWithEvents, MethodName } from '../../../shared/api/contract';
import type { Transport } from '../../../shared/api/transport';

/** The desktop app's preload object (`window.tracelens`): one function per contract method. */
export function ipcTransport(bridge: ApiWithEvents): Transport {
  return {
    call: (method: MethodName, request: unknown) => (bridge[method] as (r: unknown) => ReturnType<ApiWithEvents[MethodName]>)(request),
    subscribe: (listener) => bridge.onEvent(listener),
  };
}
