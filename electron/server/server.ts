import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isMethodName, METHODS } from '../../shared/api/contract';
import { err, type Result } from '../../shared/api/result';
import { fromWire, toWire } from '../../shared/api/wire';
import { dispatch } from '../engine/api/dispatch';
import { EngineError } from '../engine/errors';
import type { Handlers } from '../engine/api/handlers';
import { isLoopbackHost, SECURITY_HEADERS } from '../security/policy';
import { hasToken, newToken } from './auth';
import type { EventStream } from './event-stream';
import { serveStatic } from './static-files';
import type { Uploads } from './uploads';

/** Browser mode listens on the loopback interface only: other machines cannot reach it. */
export const LOOPBACK = '127.0.0.1';
const MAX_BODY = 1024 * 1024;

export interface ServerOptions {
  readonly handlers: Handlers;
  readonly events: EventStream;
  /** The built renderer; omitted when another middleware (the dev server) serves the pages. */
  readonly rendererDir?: string;
  readonly port?: number;
  readonly token?: string;
  /** Called for requests that are not API calls before the static files are tried (hot-reload dev server). */
  readonly pages?: (request: IncomingMessage, response: ServerResponse, next: () => void) => void;
  readonly headers?: Readonly<Record<string, string>>;
  /** Where browser mode keeps files dropped on the page; absent: no uploads. */
  readonly uploads?: Uploads;
}

export interface RunningServer {
  /** The address the socket is bound to. */
  readonly address: string;
  readonly port: number;
  readonly token: string;
  /** The address to open, token included. */
  readonly url: string;
  close(): Promise<void>;
}

function sendResult(response: ServerResponse, status: number, result: Result<unknown>, headers: Record<string, string>): void {
  const body = toWire(result);
  response.writeHead(status, { ...headers, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(Buffer.byteLength(body)) });
  response.end(body);
}

async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Calls one batch may carry. */
export const MAX_BATCH = 64;

/** The calls of a batch request, or what is wrong with it. */
function batchCalls(payload: unknown): { method: unknown; request: unknown }[] | string {
  const calls = (payload as { calls?: unknown } | null)?.calls;
  if (!Array.isArray(calls) || calls.length === 0 || calls.length > MAX_BATCH) return `a batch is {"calls": [{"method", "request"}, ...]} with 1 to ${MAX_BATCH} calls`;
  if (!calls.every((c) => c !== null && typeof c === 'object' && !Array.isArray(c))) return 'every call of a batch is an object {"method", "request"}';
  return calls.map((c: { method?: unknown; request?: unknown }) => ({ method: c.method, request: c.request ?? {} }));
}

/**
 * Several calls in one request: a browser opens at most six connections to a host, so the dozen calls
 * a view makes at once would otherwise wait in the browser for each other. Each answer is one line
 * (`{"i": index, "result": ...}`), written as soon as its call is done.
 */
async function handleBatch(response: ServerResponse, payload: unknown, options: ServerOptions, headers: Record<string, string>): Promise<void> {
  const calls = batchCalls(payload);
  if (typeof calls === 'string') return sendResult(response, 400, err('bad_input', calls), headers);
  response.writeHead(200, { ...headers, 'Content-Type': 'application/x-ndjson; charset=utf-8' });
  await Promise.all(
    calls.map(async (call, i) => {
      const result = await dispatch(options.handlers, call.method, call.request);
      response.write(`${toWire({ i, result })}\n`);
    }),
  );
  response.end();
}

async function handleApi(request: IncomingMessage, response: ServerResponse, url: URL, options: ServerOptions, headers: Record<string, string>): Promise<void> {
  const path = url.pathname;
  if (path === '/api/events' && request.method === 'GET') {
    options.events.attach(response, headers);
    return;
  }
  if (path === '/api/upload' && options.uploads) {
    if (request.method !== 'PUT') return sendResult(response, 405, err('usage', 'uploads are PUT requests'), headers);
    const result = await options.uploads.receive(request, url.searchParams.get('name'));
    return sendResult(response, result.ok ? 200 : 400, result, headers);
  }
  const batch = path === '/api/batch';
  const method = /^\/api\/call\/([A-Za-z][A-Za-z0-9]{0,63})$/.exec(path)?.[1];
  if (!method && !batch) return sendResult(response, 404, err('unknown_request', `no API route ${path.slice(0, 100)}`), headers);
  if (request.method !== 'POST') return sendResult(response, 405, err('usage', 'API calls are POST requests'), headers);
  if (!/^application\/json\b/.test(request.headers['content-type'] ?? '')) return sendResult(response, 415, err('bad_input', 'send the request as application/json'), headers);
  const body = await readBody(request);
  if (body === undefined) return sendResult(response, 413, err('bad_input', 'request too large'), headers);
  let payload: unknown;
  try {
    payload = body === '' ? {} : fromWire(body);
  } catch {
    return sendResult(response, 400, err('bad_input', 'request body is not valid JSON'), headers);
  }
  if (batch) return handleBatch(response, payload, options, headers);
  const result = await dispatch(options.handlers, method, payload);
  sendResult(response, httpStatus(method, payload, result), result, headers);
}

/**
 * 400 only for a request its schema rejects. The engine's own bad_input (a broken rules file or a taken
 * export path named in a valid request) is an answer the page shows like any other: as a 400, the
 * browser also logged it in the console as a failed resource.
 */
function httpStatus(method: string | undefined, payload: unknown, result: Result<unknown>): number {
  if (result.ok) return 200;
  if (result.error.code === 'unknown_request') return 404;
  const rejected = result.error.code === 'bad_input' && isMethodName(method) && !METHODS[method].request.safeParse(payload).success;
  return rejected ? 400 : 200;
}

/** The contract over HTTP on 127.0.0.1, with a per-launch token, plus the built renderer. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const token = options.token ?? newToken();
  const headers = { ...SECURITY_HEADERS, ...options.headers };
  let port = 0;
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0]!;
    if (!isLoopbackHost(request.headers.host, port)) {
      response.writeHead(421, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('TraceLens answers only requests to 127.0.0.1 or localhost\n');
      return;
    }
    if (path.startsWith('/api/')) {
      if (!hasToken(request.headers.authorization, token)) return sendResult(response, 401, err('unauthorized', 'missing or wrong token: open the URL TraceLens printed'), headers);
      handleApi(request, response, new URL(request.url ?? '/', 'http://127.0.0.1'), options, headers).catch((error: unknown) => {
        if (!response.headersSent) sendResult(response, 500, err('internal', `internal error: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`), headers);
        else response.destroy();
      });
      return;
    }
    const servePage = () => {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.writeHead(405, headers).end();
        return;
      }
      if (!options.rendererDir) {
        response.writeHead(404, headers).end();
        return;
      }
      serveStatic(options.rendererDir, path, response, headers, request.method === 'HEAD').catch(() => response.destroy());
    };
    if (options.pages) {
      for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
      options.pages(request, response, servePage);
    }
    else servePage();
  });
  server.requestTimeout = 0;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new EngineError('usage', `port ${options.port} is in use: pick another with --port, or leave it out for a free one`) : error),
    );
    server.listen(options.port ?? 0, LOOPBACK, () => resolve());
  });
  const bound = server.address() as AddressInfo;
  port = bound.port;
  return {
    address: bound.address,
    port,
    token,
    url: `http://${LOOPBACK}:${port}/?token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        options.events.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }).then(() => options.uploads?.close()),
  };
}
