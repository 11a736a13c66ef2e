import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Chosen failures for requests whose path (`bucket/key`, decoded) matches. */
export interface ProxyRules {
  /** Answer 403 AccessDenied, as S3 does for a key or bucket the credentials may not read (`prefix`: a listing's prefix). */
  readonly deny?: (path: string, method: string, prefix: string) => boolean;
  /** Forward the headers and the first half of an object's body, then close the connection. */
  readonly cut?: (path: string, method: string) => boolean;
}

export interface S3Proxy {
  readonly endpoint: string;
  /** GET requests seen per path, to tell what was downloaded. */
  readonly gets: Map<string, number>;
  /** The most object GETs that were in flight at once. */
  readonly maxConcurrentGets: () => number;
  stop(): Promise<void>;
}

const ACCESS_DENIED = '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>1</RequestId></Error>';

/** A path-style HTTP proxy in front of the test S3 server that can deny or cut off chosen requests. */
export async function startS3Proxy(targetPort: number, rules: ProxyRules): Promise<S3Proxy> {
  const gets = new Map<string, number>();
  let inFlight = 0;
  let maxInFlight = 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = decodeURIComponent(url.pathname.slice(1));
    const method = req.method ?? 'GET';
    if (method === 'GET' && /^[^/]+\/.+/.test(path)) {
      gets.set(path, (gets.get(path) ?? 0) + 1);
      maxInFlight = Math.max(maxInFlight, ++inFlight);
      res.once('close', () => inFlight--);
    }
    if (rules.deny?.(path, method, url.searchParams.get('prefix') ?? '')) {
      res.writeHead(403, { 'content-type': 'application/xml' });
      res.end(method === 'HEAD' ? undefined : ACCESS_DENIED);
      return;
    }
    const upstream = request({ host: '127.0.0.1', port: targetPort, method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      if (!rules.cut?.(path, method)) {
        answer.pipe(res);
        return;
      }
      const length = Number(answer.headers['content-length'] ?? 0);
      let sent = 0;
      answer.on('data', (chunk: Buffer) => {
        const room = Math.floor(length / 2) - sent;
        if (room > 0) res.write(chunk.subarray(0, room));
        sent += Math.max(0, Math.min(room, chunk.length));
        if (sent >= Math.floor(length / 2)) {
          answer.destroy();
          res.socket?.destroy();
        }
      });
    });
    upstream.on('error', () => res.socket?.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    gets,
    maxConcurrentGets: () => maxInFlight,
    stop: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
