import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveStaticPath } from '../../electron/server/static-files';

const ROOT = join('/srv', 'tracelens', 'renderer');

describe('static files stay inside the built renderer', () => {
  it.each([
    ['/index.html', join(ROOT, 'index.html')],
    ['/assets/index-abc.js', join(ROOT, 'assets', 'index-abc.js')],
    ['/../../etc/passwd', join(ROOT, 'etc', 'passwd')],
    ['/..%2f..%2fetc%2fpasswd', join(ROOT, 'etc', 'passwd')],
    ['/%2e%2e/%2e%2e/package.json', join(ROOT, 'package.json')],
    ['//etc/passwd', join(ROOT, 'etc', 'passwd')],
  ])('%s resolves to a file under the root', (urlPath, expected) => {
    expect(resolveStaticPath(ROOT, urlPath)).toBe(expected);
  });

  it.each(['/%00index.html', '/%E0%A4%A', '/..', '/'])('refuses %s', (urlPath) => {
    expect(resolveStaticPath(ROOT, urlPath)).toBeUndefined();
  });
});
