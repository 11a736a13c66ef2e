import { readdir, readFile, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journalPathFor } from '../../electron/engine/review/journal-path';
import { cli, cliJson } from '../helpers/cli';
import { PLANTED, reviewCalls, reviewWorkspaceCopies, type WorkspaceCopies } from '../helpers/review-fixture';

interface GoldLine {
  id: string;
  input: unknown;
  expected: { verdict: string; expected_output: string | null; notes: string | null };
  actual_output: string | null;
  request_id: string;
  labeled_by: string;
  [key: string]: unknown;
}

const GOLD_KEYS = ['id', 'input', 'expected', 'actual_output', 'retrieval_ids', 'prompt_version', 'model_resolved', 'feature', 'source', 'trace_id', 'request_id', 'labeled_by', 'labeled_at'];

async function goldLines(path: string): Promise<GoldLine[]> {
  const text = await readFile(path, 'utf8');
  return text === '' ? [] : text.trimEnd().split('\n').map((l) => JSON.parse(l) as GoldLine);
}

describe('tracelens label and export-gold', () => {
  let copies: WorkspaceCopies;
  let dir: string;
  const workspaceCopy = () => copies.copy();

  async function label(db: string, id: string, verdict: string, ...more: string[]): Promise<void> {
    const result = await cli('label', '--db', db, '--request-id', id, '--verdict', verdict, ...more);
    if (result.code !== 0) throw new Error(result.stderr);
  }

  beforeAll(async () => {
    copies = await reviewWorkspaceCopies();
    dir = copies.dir;
  });
  afterAll(() => copies.cleanup());

  it('writes the failed calls as gold rows in the design shape, sorted, PII masked, the same bytes twice', async () => {
    const db = await workspaceCopy();
    await label(db, 'c09', 'fail', '--reviewer', 'alice', '--note', `customer ${PLANTED.email} got a made-up policy`, '--expected', `Refunds to card ${PLANTED.card} take 5 days.`, '--reason', 'hallucination');
    await label(db, 'c03', 'fail', '--reviewer', 'alice');
    await label(db, 'c01', 'fail', '--reviewer', 'alice');
    await label(db, 'c02', 'fail', '--reviewer', 'bob');
    await label(db, 'c20', 'pass', '--reviewer', 'alice');
    const out = join(dir, 'gold.jsonl');
    const report = await cliJson<{ rows: number; added: number }>('export-gold', '--db', db, '--out', out);
    expect(report).toMatchObject({ rows: 4, added: 4 });
    const first = await readFile(out);
    expect((await cli('export-gold', '--db', db, '--out', out)).code).toBe(0);
    expect((await readFile(out)).equals(first)).toBe(true);

    const rows = await goldLines(out);
    expect(rows.map((r) => r.request_id)).toEqual(['c01', 'c02', 'c03', 'c09']);
    for (const row of rows) expect(Object.keys(row)).toEqual(GOLD_KEYS);
    const text = first.toString('utf8');
    for (const secret of Object.values(PLANTED)) expect(text).not.toContain(secret);
    const byId = new Map(rows.map((r) => [r.request_id, r]));
    expect(byId.get('c01')!.input).toBe('my card is [PAN], refund it');
    expect(byId.get('c02')!.actual_output).toBe('I emailed [EMAIL] about it');
    expect(byId.get('c03')!.input).toEqual([{ role: 'system', content: 'be brief' }, { role: 'user', content: 'my SSN is [SSN]' }]);
    const call = reviewCalls().find((c) => c['request_id'] === 'c09')!;
    expect(byId.get('c09')).toEqual({
      id: 'prod-c09',
      input: 'question 9',
      expected: { verdict: 'fail', expected_output: 'Refunds to card [PAN] take 5 days.', notes: 'customer [EMAIL] got a made-up policy' },
      actual_output: 'answer 9',
      retrieval_ids: ['kb_9'],
      prompt_version: 'v1',
      model_resolved: 'gpt-4o',
      feature: call['feature'],
      source: 'production',
      trace_id: 'tc09',
      request_id: 'c09',
      labeled_by: 'alice',
      labeled_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });

    const all = join(dir, 'gold-all.jsonl');
    await cliJson('export-gold', '--db', db, '--out', all, '--verdict', 'all');
    expect((await goldLines(all)).map((r) => [r.request_id, r.expected.verdict])).toEqual([['c01', 'fail'], ['c02', 'fail'], ['c03', 'fail'], ['c09', 'fail'], ['c20', 'pass']]);
    await cliJson('export-gold', '--db', db, '--out', all, '--verdict', 'pass');
    expect((await goldLines(all)).map((r) => r.request_id)).toEqual(['c20']);
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('--merge keeps the rows already in a gold file and adds new ones once', async () => {
    const db = await workspaceCopy();
    await label(db, 'c09', 'fail', '--reviewer', 'alice');
    await label(db, 'c10', 'fail', '--reviewer', 'alice');
    const gold = join(dir, 'merge-gold.jsonl');
    const handWritten = '{"id":"manual-1","request_id":"a-manual","input":"kept as written"}';
    const existingC09 = '{"id":"prod-c09","request_id":"c09","note":"older row for c09"}';
    await writeFile(gold, `${existingC09}\n${handWritten}\n`);
    const report = await cliJson<Record<string, number>>('export-gold', '--db', db, '--out', gold, '--merge', gold);
    expect(report).toMatchObject({ rows: 3, added: 1, kept: 2, already_present: 1 });
    const lines = (await readFile(gold, 'utf8')).trimEnd().split('\n');
    expect(lines[0]).toBe(handWritten);
    expect(lines[1]).toBe(existingC09);
    expect(JSON.parse(lines[2]!)).toMatchObject({ request_id: 'c10' });
    const again = await cliJson<Record<string, number>>('export-gold', '--db', db, '--out', gold, '--merge', gold);
    expect(again).toMatchObject({ rows: 3, added: 0, kept: 3 });

    await writeFile(join(dir, 'broken-gold.jsonl'), '{"request_id":"x"}\n{nope\n');
    const broken = await cli('export-gold', '--db', db, '--out', join(dir, 'o.jsonl'), '--merge', join(dir, 'broken-gold.jsonl'));
    expect(broken.code).toBe(2);
    expect(broken.stderr).toBe(`tracelens export-gold: ${join(dir, 'broken-gold.jsonl')}:2: not a gold row (invalid JSON)\n`);
  });

  it('reports conflicting labels and leaves those calls out unless --resolve latest', async () => {
    const db = await workspaceCopy();
    await label(db, 'c09', 'fail', '--reviewer', 'alice');
    await label(db, 'c09', 'pass', '--reviewer', 'bob');
    await label(db, 'c10', 'fail', '--reviewer', 'alice');
    await label(db, 'c10', 'fail', '--reviewer', 'bob');
    const out = join(dir, 'conflicts.jsonl');
    const left = await cli('export-gold', '--db', db, '--out', out);
    expect(left.code).toBe(0);
    expect(left.stderr).toBe('warning: 1 call(s) with conflicting labels, left out; pass --resolve latest to take the latest label: c09 (alice fail, bob pass)\n');
    expect((await goldLines(out)).map((r) => r.request_id)).toEqual(['c10']);
    const resolved = await cliJson<{ conflicts: unknown[]; conflicts_resolved: number }>('export-gold', '--db', db, '--out', out, '--verdict', 'all', '--resolve', 'latest');
    expect(resolved.conflicts).toHaveLength(1);
    expect(resolved.conflicts_resolved).toBe(1);
    const rows = await goldLines(out);
    expect(rows.map((r) => [r.request_id, r.expected.verdict, r.labeled_by])).toEqual([['c09', 'pass', 'bob'], ['c10', 'fail', 'bob']]);
  });

  it('exports despite a torn last journal line, and says so', async () => {
    const db = await workspaceCopy();
    await label(db, 'c09', 'fail', '--reviewer', 'alice');
    await writeFile(journalPathFor(db), (await readFile(journalPathFor(db), 'utf8')) + '{"request_id":"c10","verdict":"fa');
    const result = await cli('export-gold', '--db', db, '--out', join(dir, 'torn.jsonl'));
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`warning: 1 label journal line(s) skipped; ${journalPathFor(db)}:2: torn last line (a write cut short), skipped\n`);
    expect((await goldLines(join(dir, 'torn.jsonl'))).map((r) => r.request_id)).toEqual(['c09']);
  });

  it('--queue exports only the calls of that queue', async () => {
    const db = await workspaceCopy();
    for (const id of ['c01', 'c06', 'c09', 'c13', 'c30']) await label(db, id, 'fail', '--reviewer', 'alice');
    const out = join(dir, 'queue.jsonl');
    const expected: Record<string, string[]> = { guardrail: ['c01'], errors: ['c06'], judge: ['c09'], 'thumbs-down': ['c13'] };
    for (const [queue, ids] of Object.entries(expected)) {
      await cliJson('export-gold', '--db', db, '--out', out, '--queue', queue);
      expect((await goldLines(out)).map((r) => r.request_id)).toEqual(ids);
    }
  });

  it('label prints the saved event, names the OS user by default, and --clear removes the label', async () => {
    const db = await workspaceCopy();
    const saved = await cliJson<Record<string, unknown>>('label', '--db', db, '--request-id', 'c05', '--verdict', 'fail', '--note', 'blocked a fair question', '--reason', 'refusal');
    expect(Object.keys(saved)).toEqual(['request_id', 'verdict', 'note', 'expected', 'reviewer', 'labeled_at', 'reason']);
    expect(saved).toMatchObject({ request_id: 'c05', verdict: 'fail', note: 'blocked a fair question', expected: null, reviewer: userInfo().username, reason: 'refusal' });
    expect(await readFile(journalPathFor(db), 'utf8')).toBe(JSON.stringify(saved) + '\n');
    const cleared = await cli('label', '--db', db, '--request-id', 'c05', '--clear');
    expect(cleared.stdout).toBe(`saved: cleared for c05 by ${userInfo().username} (${journalPathFor(db)})\n`);
    const report = await cliJson<{ rows: number }>('export-gold', '--db', db, '--out', join(dir, 'cleared.jsonl'), '--verdict', 'all');
    expect(report.rows).toBe(0);
    expect(await readFile(join(dir, 'cleared.jsonl'), 'utf8')).toBe('');
  });

  it('rejects bad input with exit 2 and one line', async () => {
    const db = await workspaceCopy();
    const cases: [string[], string][] = [
      [['label', '--db', db, '--request-id', 'nope', '--verdict', 'fail'], 'tracelens label: no call with request_id "nope" in this workspace'],
      [['label', '--db', db, '--request-id', 'c01', '--verdict', 'maybe'], 'tracelens label: --verdict must be pass or fail (got "maybe")'],
      [['label', '--db', db, '--request-id', 'c01'], 'tracelens label: give --verdict pass|fail, or --clear to remove your label'],
      [['label', '--db', db, '--request-id', 'c01', '--verdict', 'pass', '--reason', 'format'], 'tracelens label: --reason goes with --verdict fail'],
      [['label', '--db', db, '--request-id', 'c01', '--verdict', 'fail', '--reason', 'vibes'], 'tracelens label: --reason must be one of: hallucination, wrong_policy, refusal, format, tool_misuse, other (got "vibes")'],
      [['label', '--db', join(dir, 'none.duckdb'), '--request-id', 'c01', '--verdict', 'fail'], `tracelens label: no such workspace: ${join(dir, 'none.duckdb')} (make one with tracelens ingest SOURCE --db ${join(dir, 'none.duckdb')})`],
      [['export-gold', '--db', db, '--out', join(dir, 'x.jsonl'), '--verdict', 'maybe'], 'tracelens export-gold: --verdict must be fail, pass or all (got "maybe")'],
      [['export-gold', '--db', db, '--out', join(dir, 'x.jsonl'), '--queue', 'nope'], 'tracelens export-gold: unknown queue "nope"; use one of: judge, thumbs-down, guardrail, errors, drift, sample, slice'],
      [['export-gold', '--db', db, '--out', join(dir, 'x.jsonl'), '--resolve', 'first'], 'tracelens export-gold: --resolve takes latest (got "first")'],
      [['export-gold', '--db', db], 'tracelens export-gold: --out is required'],
    ];
    for (const [args, message] of cases) {
      const result = await cli(...args);
      expect([result.code, result.stderr]).toEqual([2, message + '\n']);
    }
    await expect(readFile(journalPathFor(db))).rejects.toThrow(/ENOENT/);
  });
});
