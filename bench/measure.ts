import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { BENCH_DIR, REPO_DIR } from './paths';
import type { SideArgs, SideResult } from './sides/side';

/** How to start one side: a TypeScript side of bench/sides in Node, or a Python peer script. */
export interface Runner {
  readonly label: string;
  readonly kind: 'node' | 'python';
  /** A name in SIDES (node) or a script under bench/peers (python). */
  readonly side: string;
  readonly args: SideArgs;
}

export interface Measured extends SideResult {
  readonly maxRssMb: number;
}

export const PYTHON = '/usr/bin/python3';

/** Runs one side in a fresh child process and returns what it measured. */
export function measure(runner: Runner): Promise<Measured> {
  const [command, argv] =
    runner.kind === 'node'
      ? [process.execPath, ['--import', 'tsx', join(BENCH_DIR, 'child.ts'), runner.side, JSON.stringify(runner.args)]]
      : [PYTHON, [join(BENCH_DIR, 'peers', runner.side), String(runner.args['file'])]];
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { cwd: REPO_DIR, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const last = stdout.trim().split('\n').pop() ?? '';
      if (code !== 0 || !last.startsWith('{')) {
        reject(new Error(`${runner.label} (${runner.side}) failed with exit ${code}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`));
        return;
      }
      resolve(JSON.parse(last) as Measured);
    });
  });
}
