import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

export interface Served {
  /** The URL `tracelens serve` printed, token included. */
  readonly url: string;
  readonly port: number;
  readonly calls: number;
  readonly title: string;
  stop(): Promise<void>;
}

/**
 * Starts the real `tracelens serve SOURCE... --json` in a child process, as a user
 * would, with its config and cache folders under `home`.
 */
export function startServe(args: readonly string[], home: string): Promise<Served> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', 'serve', ...args, '--json', '--port', '0'], {
    cwd: process.cwd(),
    env: { ...process.env, TRACELENS_CONFIG_DIR: join(home, 'config'), TRACELENS_CACHE_DIR: join(home, 'cache') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = stdout.split('\n')[0];
      if (!stdout.includes('\n') || !line) return;
      const info = JSON.parse(line) as { url: string; port: number; calls: number; title: string };
      resolve({ ...info, stop: () => stop(child) });
    });
    child.on('exit', (code) => reject(new Error(`tracelens serve exited ${code}: ${stderr.trim()}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
