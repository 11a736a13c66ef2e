/**
 * The security rules of the desktop app and of browser mode, as pure functions and
 * data (no Electron import), so every rule is tested with hostile inputs without Electron.
 */

/** The app's own pages are served from this privileged scheme and host, never from file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'tracelens';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * No inline scripts or styles anywhere: charts use plain-text tooltips (ECharts' HTML
 * tooltips would need inline style attributes), trace text is rendered as text nodes.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Response headers of every page and API answer of the app (Electron protocol handler and browser mode). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=(), payment=()',
  'Cache-Control': 'no-store',
};

/** Window settings: the renderer is an untrusted web page with no Node and no way out of its sandbox. */
export const WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  spellcheck: false,
} as const;

/** Hosts the app may send the user to (in their browser, via shell.openExternal): documentation only. */
export const EXTERNAL_HOSTS: readonly string[] = ['github.com', 'opentelemetry.io', 'duckdb.org'];

function parse(url: string): URL | undefined {
  if (typeof url !== 'string' || url.length > 2048) return undefined;
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** A link that may open in the user's browser: https, an allowlisted host exactly, no credentials, default port. */
export function isAllowedExternalUrl(url: string): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '' && parsed.port === '' && EXTERNAL_HOSTS.includes(parsed.hostname);
}

/** A page of the app itself. */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== undefined && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
}

/** `will-navigate` / `will-redirect`: the app never navigates away; a reload of its own page is all there is. */
export function allowNavigation(url: string): boolean {
  return isAppUrl(url);
}

/** `setWindowOpenHandler`: no new windows, ever; an allowlisted link opens in the user's browser instead. */
export function windowOpenDecision(url: string): { readonly action: 'deny'; readonly openExternally: boolean } {
  return { action: 'deny', openExternally: isAllowedExternalUrl(url) };
}

/** IPC calls are answered only for the app's own main frame. */
export function isTrustedSender(frame: { readonly url: string; readonly isMainFrame: boolean } | null | undefined): boolean {
  return frame !== null && frame !== undefined && frame.isMainFrame && isAppUrl(frame.url);
}

/** Camera, notifications, clipboard reads, ...: the app asks for nothing, so everything is refused. */
export function allowPermission(_permission: string): boolean {
  return false;
}

/** Browser mode accepts only requests addressed to the loopback name it printed (a DNS-rebinding page sends its own host). */
export function isLoopbackHost(hostHeader: string | undefined, port: number): boolean {
  return hostHeader === `127.0.0.1:${port}` || hostHeader === `localhost:${port}`;
}
