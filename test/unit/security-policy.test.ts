import { describe, expect, it } from 'vitest';
import {
  allowNavigation,
  allowPermission,
  CONTENT_SECURITY_POLICY,
  isAllowedExternalUrl,
  isLoopbackHost,
  isTrustedSender,
  WEB_PREFERENCES,
  windowOpenDecision,
} from '../../electron/security/policy';

const HOSTILE_URLS = [
  ['javascript:', 'javascript:alert(document.domain)'],
  ['javascript: with whitespace and case', ' JaVaScRiPt:alert(1)'],
  ['file:', 'file:///etc/passwd'],
  ['data: HTML', 'data:text/html,<script>alert(1)</script>'],
  ['blob:', 'blob:https://github.com/1234'],
  ['plain http to an allowed host', 'http://github.com/tracelens'],
  ['look-alike host (suffix)', 'https://github.com.evil.example/'],
  ['look-alike host (prefix)', 'https://evilgithub.com/'],
  ['subdomain of an allowed host', 'https://gist.github.com/x'],
  ['punycode look-alike', 'https://xn--gthub-n4a.com/'],
  ['credentials before the host', 'https://github.com@evil.example/'],
  ['user info on an allowed host', 'https://user:pass@github.com/'],
  ['non-default port', 'https://github.com:8443/'],
  ['custom scheme', 'tracelens://open?source=/etc'],
  ['the app scheme', 'app://tracelens/index.html'],
  ['ms-settings scheme', 'ms-settings:privacy'],
  ['smb share', 'smb://evil.example/share'],
  ['vbscript', 'vbscript:msgbox(1)'],
  ['not a URL', 'github.com'],
  ['empty', ''],
  ['way too long', `https://github.com/${'a'.repeat(3000)}`],
] as const;

describe('links to the outside', () => {
  it.each(HOSTILE_URLS)('refuses %s', (_what, url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
    expect(windowOpenDecision(url)).toEqual({ action: 'deny', openExternally: false });
  });

  it.each(['https://github.com/tracelens/tracelens#readme', 'https://opentelemetry.io/docs/specs/semconv/gen-ai/', 'https://GitHub.com/x'])('opens %s in the browser, never in a new app window', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
    expect(windowOpenDecision(url)).toEqual({ action: 'deny', openExternally: true });
  });
});

describe('navigation', () => {
  it.each([
    ['an allowed external page', 'https://github.com/'],
    ['file:', 'file:///etc/passwd'],
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/html,hi'],
    ['a look-alike app host', 'app://tracelens.evil/'],
    ['another app host', 'app://evil/'],
    ['user info on the app scheme', 'app://x@tracelens/'],
    ['a custom scheme', 'tracelens://tracelens/'],
    ['browser mode on loopback', 'http://127.0.0.1:8080/'],
  ])('never leaves the app for %s', (_what, url) => {
    expect(allowNavigation(url)).toBe(false);
  });

  it("allows the app's own pages (reload, in-app hash routes)", () => {
    expect(allowNavigation('app://tracelens/')).toBe(true);
    expect(allowNavigation('app://tracelens/index.html#/table?w.feature=x')).toBe(true);
  });
});

describe('IPC senders', () => {
  it.each([
    ['a subframe of the app', { url: 'app://tracelens/', isMainFrame: false }],
    ['a main frame elsewhere', { url: 'https://github.com/', isMainFrame: true }],
    ['a file: page', { url: 'file:///tmp/x.html', isMainFrame: true }],
    ['a look-alike app origin', { url: 'app://tracelens.evil/', isMainFrame: true }],
    ['no frame (destroyed)', null],
  ])('refuses %s', (_what, frame) => {
    expect(isTrustedSender(frame)).toBe(false);
  });

  it("answers the app's main frame", () => {
    expect(isTrustedSender({ url: 'app://tracelens/#/overview', isMainFrame: true })).toBe(true);
  });
});

describe('the baseline', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'unknown'])('refuses the %s permission', (permission) => {
    expect(allowPermission(permission)).toBe(false);
  });

  it('isolates and sandboxes the renderer', () => {
    expect(WEB_PREFERENCES).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
  });

  it('has a CSP with no inline or eval scripts and no framing', () => {
    const directives = Object.fromEntries(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['style-src']).toEqual(["'self'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)|\*/);
  });

  it.each([
    ['the printed loopback address', '127.0.0.1:4000', true],
    ['localhost', 'localhost:4000', true],
    ['another port', '127.0.0.1:4001', false],
    ['a rebinding domain', 'evil.example:4000', false],
    ['a look-alike', 'localhost.evil.example:4000', false],
    ['no host header', undefined, false],
    ['IPv6 any', '[::]:4000', false],
  ])('browser mode host check: %s', (_what, host, allowed) => {
    expect(isLoopbackHost(host, 4000)).toBe(allowed);
  });
});
