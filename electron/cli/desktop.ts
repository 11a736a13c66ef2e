import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const APP_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MAIN_BUNDLE = fileURLToPath(new URL('../../dist/electron/main/main.cjs', import.meta.url));

/** The Electron runtime's executable, or why there is none (its download failed or was skipped at install). */
export function electronBinary(): { path: string } | { missing: string } {
  const missing = { missing: 'the Electron runtime is not installed: `npm run install-electron` downloads it' };
  try {
    const path: unknown = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? { path } : missing;
  } catch {
    return missing;
  }
}

/**
 * Starts the desktop app on `sources` (remote sources' settings in `env`) and waits for it to quit. Resolves to a reason
 * when it could not start (missing runtime, no display, early crash), so the caller
 * can fall back to browser mode; resolves to `undefined` after a normal run.
 */
export async function runDesktop(sources: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<string | undefined> {
  if (process.env['TRACELENS_NO_ELECTRON'] === '1') return 'TRACELENS_NO_ELECTRON=1';
  const binary = electronBinary();
  if ('missing' in binary) return binary.missing;
  if (!existsSync(MAIN_BUNDLE)) return 'the desktop app is not built (run `npm run build`)';
  const child = spawn(binary.path, [APP_ROOT, ...sources], { stdio: ['ignore', 'inherit', 'pipe'], env: { ...process.env, ...env } });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    process.stderr.write(chunk);
  });
  const started = Date.now();
  const code = await new Promise<number | string>((resolve) => {
    child.on('error', (error) => resolve(error.message));
    child.on('exit', (exitCode, signal) => resolve(exitCode ?? signal ?? 1));
  });
  if (typeof code === 'string') return code;
  if (code !== 0 && Date.now() - started < 5000) return stderr.trim().split('\n').pop() || `Electron exited with code ${code}`;
  return undefined;
}
