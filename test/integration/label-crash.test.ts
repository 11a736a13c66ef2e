import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseJournalText } from '../../shared/review/journal-text';
import { replayLabels } from '../../shared/review/replay';
import { tempDir } from '../helpers/temp';

const ROUNDS = 25;

interface Round {
  readonly acknowledged: string[];
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
}

/** Runs the writer until it has acknowledged `acks` labels, then kills it with SIGKILL after a random few ms. */
function writeThenKill(script: string, journal: string, prefix: string, acks: number): Promise<Round> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, journal, prefix], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acknowledged: string[] = [];
    let buffer = '';
    let stderr = '';
    let killing = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) if (line !== 'ready') acknowledged.push(line);
      if (!killing && acknowledged.length >= acks) {
        killing = true;
        setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * 4));
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (_code, signal) => resolve({ acknowledged, signal, stderr }));
  });
}

describe('label journal under kill -9', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let script: string;

  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir());
    // One bundle of the writer, so each of the many child processes starts in milliseconds.
    script = join(dir, 'label-writer.mjs');
    await build({ entryPoints: ['test/helpers/label-writer.ts'], bundle: true, platform: 'node', format: 'esm', outfile: script, logLevel: 'error' });
  });
  afterAll(() => cleanup());

  it(`keeps every acknowledged label through ${ROUNDS} kills at random points`, async () => {
    const journal = join(dir, 'w.labels.jsonl');
    const acknowledged: string[] = [];
    let killed = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const result = await writeThenKill(script, journal, `r${round}`, 1 + Math.floor(Math.random() * 40));
      expect(result.stderr).toBe('');
      if (result.signal === 'SIGKILL') killed++;
      acknowledged.push(...result.acknowledged);

      const parsed = parseJournalText(await readFile(journal, 'utf8'), journal);
      const saved = new Set(replayLabels(parsed.entries).map((l) => l.request_id));
      expect(acknowledged.filter((id) => !saved.has(id))).toEqual([]);
      // Only writes cut short by a kill are unreadable: at most one per round, each on its own line.
      expect(parsed.problems.length).toBeLessThanOrEqual(round + 1);
      for (const problem of parsed.problems) expect(problem.reason).toMatch(/^(torn last line|invalid JSON)/);
    }
    expect(killed).toBe(ROUNDS);
    expect(acknowledged.length).toBeGreaterThanOrEqual(ROUNDS);
  });
});
