import { fileURLToPath } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../security/policy';
import type { ServerOptions } from './server';

/**
 * `npm run dev`: the renderer from source through Vite with hot reload. Vite's
 * React refresh needs an inline preamble script and a websocket, so the CSP is
 * relaxed for development only; built apps never get these exceptions.
 */
const DEV_CSP = CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
  .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
  .replace("connect-src 'self'", "connect-src 'self' ws://127.0.0.1:* ws://localhost:*");

export interface DevPages {
  readonly pages: NonNullable<ServerOptions['pages']>;
  readonly headers: Readonly<Record<string, string>>;
  close(): Promise<void>;
}

export async function devPages(): Promise<DevPages> {
  const { createServer } = await import('vite');
  const vite = await createServer({
    configFile: fileURLToPath(new URL('../../renderer/vite.config.ts', import.meta.url)),
    server: { middlewareMode: true },
    appType: 'spa',
  });
  return {
    pages: (request, response, next) => vite.middlewares(request, response, next),
    headers: { 'Content-Security-Policy': DEV_CSP },
    close: () => vite.close(),
  };
}
