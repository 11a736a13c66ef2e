import type { AppEvent } from '../../../shared/api/app-events';
import type { MethodName } from '../../../shared/api/contract';
import { err, type Result } from '../../../shared/api/result';
import type { Transport } from '../../../shared/api/transport';
import { fromWire, toWire } from '../../../shared/api/wire';

export interface HttpTransportOptions {
  /** '' for the page's own origin. */
  readonly baseUrl: string;
  readonly token: string;
}

/** The contract over browser mode's HTTP API: POST /api/call/METHOD, events as server-sent events. */
export function httpTransport({ baseUrl, token }: HttpTransportOptions): Transport {
  const headers = { Authorization: `Bearer ${token}` };
  const listeners = new Set<(event: AppEvent) => void>();
  let streaming = false;

  async function call(method: MethodName, request: unknown): Promise<Result<unknown>> {
    try {
      const response = await fetch(`${baseUrl}/api/call/${method}`, { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: toWire(request) });
      const text = await response.text();
      try {
        return fromWire(text) as Result<unknown>;
      } catch {
        return err('internal', `the server answered ${response.status} without a result`);
      }
    } catch (error) {
      return err('internal', `cannot reach TraceLens: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async function readEvents(): Promise<void> {
    while (listeners.size > 0) {
      try {
        const response = await fetch(`${baseUrl}/api/events`, { headers });
        if (!response.ok || !response.body) throw new Error(`events: ${response.status}`);
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const message = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = message.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
            if (data) for (const listener of listeners) listener(fromWire(data) as AppEvent);
          }
        }
      } catch {
        // The server went away or restarted: retry while someone listens.
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    streaming = false;
  }

  return {
    call,
    subscribe(listener) {
      listeners.add(listener);
      if (!streaming) {
        streaming = true;
        void readEvents();
      }
      return () => listeners.delete(listener);
    },
  };
}
