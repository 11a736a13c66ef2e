import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cli } from './cli';
import { tempDir, writeLines } from './temp';

type Call = Record<string, unknown>;

export const PLANTED = {
  card: '4111 1111 1111 1111',
  email: 'jane.doe@example.com',
  ssn: '536-22-8174',
} as const;

const FEATURES = ['refund_copilot', 'search_answer'] as const;
const LOCALES = ['en-US', 'de-DE'] as const;

/**
 * A small, fully known workspace for review tests: 40 calls c01..c40 over two
 * features and two locales. c01-c05 blocked by a guardrail, c06-c08 errors,
 * judge scores c09 0.2, c10 0.5, c11 0.7, c12 0.55 (and 0.9), thumbs c13 down,
 * c14 up. c01, c02 and c03 carry a card number, an email and an SSN.
 */
export function reviewCalls(): Call[] {
  return Array.from({ length: 40 }, (_, i) => {
    const n = i + 1;
    const id = `c${String(n).padStart(2, '0')}`;
    const call: Call = {
      request_id: id,
      trace_id: `t${id}`,
      ts: new Date(Date.UTC(2026, 10, 4, 10, n)).toISOString(),
      feature: FEATURES[n % 2],
      tenant_id: 'acme',
      prompt_version: 'v1',
      model: 'gpt-4o',
      provider: 'openai',
      tokens_in: 100,
      tokens_out: 20,
      cost_usd: 0.001,
      latency_ms: { ttft: 200, total: 900 },
      finish_reason: 'stop',
      messages_hash: `h${n}`,
      user_locale: LOCALES[Math.floor(n / 2) % 2],
      retrieval_ids: [`kb_${n}`],
      guardrail_decisions: n <= 5 ? [{ stage: 'input', action: 'block', dimension: 'injection' }] : [{ stage: 'output', action: 'allow', dimension: 'toxicity' }],
      error_class: n >= 6 && n <= 8 ? 'rate_limit' : null,
      input_preview: n === 1 ? `my card is ${PLANTED.card}, refund it` : `question ${n}`,
      output_preview: n === 2 ? `I emailed ${PLANTED.email} about it` : `answer ${n}`,
    };
    if (n === 3) call['messages'] = [{ role: 'system', content: 'be brief' }, { role: 'user', content: `my SSN is ${PLANTED.ssn}` }];
    return call;
  });
}

export function reviewScores(): Call[] {
  const judge = (id: string, value: number) => ({ request_id: id, name: 'faithfulness', value, source: 'judge', ts: '2026-11-04T12:00:00Z' });
  return [
    judge('c09', 0.2), judge('c10', 0.5), judge('c11', 0.7), judge('c12', 0.55), { ...judge('c12', 0.9), name: 'helpfulness' },
    { request_id: 'c13', name: 'thumbs', value: 'down', source: 'human', ts: '2026-11-04T12:00:00Z' },
    { request_id: 'c14', name: 'thumbs', value: 'up', source: 'human', ts: '2026-11-04T12:00:00Z' },
  ];
}

/** Writes the fixture dumps into `dir` and ingests them into `dir/w.duckdb`. */
export async function reviewWorkspace(dir: string): Promise<string> {
  const calls = await writeLines(join(dir, 'calls.jsonl'), reviewCalls());
  const scores = await writeLines(join(dir, 'scores.jsonl'), reviewScores());
  const db = join(dir, 'w.duckdb');
  const result = await cli('ingest', calls, scores, '--db', db);
  if (result.code !== 0) throw new Error(`ingest failed: ${result.stderr}`);
  return db;
}

export interface WorkspaceCopies {
  readonly dir: string;
  /** A fresh copy of the fixture workspace, so each test has its own journal. */
  readonly copy: () => Promise<string>;
  readonly cleanup: () => Promise<void>;
}

/** The fixture workspace, built once in a temp folder, handed out as copies. */
export async function reviewWorkspaceCopies(): Promise<WorkspaceCopies> {
  const { dir, cleanup } = await tempDir();
  const template = await reviewWorkspace(dir);
  let n = 0;
  const copy = async () => {
    const path = join(dir, `w${++n}.duckdb`);
    await copyFile(template, path);
    return path;
  };
  return { dir, copy, cleanup };
}
