import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSmallDemo } from '../helpers/api-server';
import { tempDir } from '../helpers/temp';

describe('tracelens open when the desktop app cannot start', () => {
  let home: string;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ dir: home, cleanup } = await tempDir('tracelens-open-'));
    await writeSmallDemo(join(home, 'demo'), { days: 1, callsPerDay: 200 });
  });
  afterAll(() => cleanup());

  it('says so in one line and serves browser mode on the sources instead', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', 'open', join(home, 'demo'), '--json', '--port', '0'], {
      env: { ...process.env, TRACELENS_NO_ELECTRON: '1', TRACELENS_CONFIG_DIR: join(home, 'config'), TRACELENS_CACHE_DIR: join(home, 'cache') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      const line = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString();
          if (out.includes('\n')) resolve(out.split('\n')[0]!);
        });
        child.on('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
      });
      expect(stderr.trim().split('\n')).toEqual(['The desktop app cannot start here (TRACELENS_NO_ELECTRON=1); opening browser mode instead.']);
      const { url, calls } = JSON.parse(line) as { url: string; calls: number };
      expect(calls).toBeGreaterThan(0);
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
    } finally {
      child.kill('SIGTERM');
    }
  });
});
