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

interface Pending {
  readonly method: MethodName;
  readonly request: unknown;
  readonly resolve: (result: Result<unknown>) => void;
}

/** Calls per batch (the server takes up to 64). */
const BATCH = 32;
/** A batch larger than this goes out call by call instead (the server reads at most 1 MiB per request). */
const BATCH_BYTES = 256 * 1024;

const unreachable = (error: unknown) => err('internal', `cannot reach TraceLens: ${error instanceof Error ? error.message : String(error)}`);

/** A streamed response body cut at `separator`: each whole piece as it arrives (answer lines, event messages). */
async function* pieces(body: ReadableStream<BufferSource>, separator: string): AsyncGenerator<string> {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf(separator)) >= 0) {
      yield buffer.slice(0, end);
      buffer = buffer.slice(end + separator.length);
    }
  }
}

/**
 * The contract over browser mode's HTTP API: POST /api/call/METHOD, events as server-sent events. Calls
 * made in the same turn of the event loop (the panels of a view asking at once) travel together as one
 * POST /api/batch, whose answers stream back one line each as they are ready: a browser opens at most
 * six connections to a host, and the calls beyond would wait for the first ones to finish.
 */
export function httpTransport({ baseUrl, token }: HttpTransportOptions): Transport {
  const headers = { Authorization: `Bearer ${token}` };
  const listeners = new Set<(event: AppEvent) => void>();
  let streaming = false;
  let queue: Pending[] = [];

  async function single(method: MethodName, request: unknown): Promise<Result<unknown>> {
    try {
      const response = await fetch(`${baseUrl}/api/call/${method}`, { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: toWire(request) });
      const text = await response.text();
      try {
        return fromWire(text) as Result<unknown>;
      } catch {
        return err('internal', `the server answered ${response.status} without a result`);
      }
    } catch (error) {
      return unreachable(error);
    }
  }

  async function batch(calls: readonly Pending[], body: string): Promise<void> {
    const answered = new Set<number>();
    const answer = (i: number, result: Result<unknown>) => {
      if (answered.has(i) || !calls[i]) return;
      answered.add(i);
      calls[i].resolve(result);
    };
    try {
      const response = await fetch(`${baseUrl}/api/batch`, { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body });
      if (!response.ok || !response.body) {
        const text = await response.text();
        let result: Result<unknown>;
        try {
          result = fromWire(text) as Result<unknown>;
        } catch {
          result = err('internal', `the server answered ${response.status} without a result`);
        }
        calls.forEach((_, i) => answer(i, result));
        return;
      }
      for await (const line of pieces(response.body, '\n')) {
        const { i, result } = fromWire(line) as { i: number; result: Result<unknown> };
        answer(i, result);
      }
    } catch (error) {
      calls.forEach((_, i) => answer(i, unreachable(error)));
    }
    calls.forEach((_, i) => answer(i, err('internal', 'the server ended a batch without answering every call')));
  }

  function flush(): void {
    const pending = queue;
    queue = [];
    for (let at = 0; at < pending.length; at += BATCH) {
      const calls = pending.slice(at, at + BATCH);
      const body = calls.length > 1 ? toWire({ calls: calls.map((c) => ({ method: c.method, request: c.request })) }) : '';
      if (calls.length === 1 || body.length > BATCH_BYTES) for (const c of calls) void single(c.method, c.request).then(c.resolve);
      else void batch(calls, body);
    }
  }

  function call(method: MethodName, request: unknown): Promise<Result<unknown>> {
    return new Promise((resolve) => {
      queue.push({ method, request, resolve });
      if (queue.length === 1) queueMicrotask(flush);
    });
  }

  async function readEvents(): Promise<void> {
    while (listeners.size > 0) {
      try {
        const response = await fetch(`${baseUrl}/api/events`, { headers });
        if (!response.ok || !response.body) throw new Error(`events: ${response.status}`);
        for await (const message of pieces(response.body, '\n\n')) {
          const data = message.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
          if (data) for (const listener of listeners) listener(fromWire(data) as AppEvent);
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
