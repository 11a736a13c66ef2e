import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { protocol } from 'electron';
import { APP_HOST, APP_SCHEME, SECURITY_HEADERS } from '../security/policy';
import { resolveStaticPath } from '../server/static-files';
import { RENDERER_DIR } from './paths';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** Before `ready`: `app://` is a standard, secure scheme, so the renderer gets a real origin instead of file://. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Serves the built renderer under app://tracelens/ with the security headers (CSP included); nothing else. */
export function serveAppProtocol(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST || request.method !== 'GET') return new Response('not found', { status: 404 });
    const wanted = url.pathname === '/' || extname(url.pathname) === '' ? '/index.html' : url.pathname;
    const path = resolveStaticPath(RENDERER_DIR, wanted);
    const body = path ? await readFile(path).catch(() => undefined) : undefined;
    if (!path || !body) return new Response('not found', { status: 404, headers: SECURITY_HEADERS });
    return new Response(body, { headers: { ...SECURITY_HEADERS, 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' } });
  });
}
