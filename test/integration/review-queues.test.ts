import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journalPathFor } from '../../electron/engine/review/journal-path';
import { DEFAULT_DEMO, generateDemo } from '../../shared/demo/generate';
import { type AlertIdentity, alertKey } from '../../shared/review/alert-key';
import { cli, cliJson } from '../helpers/cli';
import { reviewCalls, reviewWorkspace } from '../helpers/review-fixture';
import { tempDir, writeLines } from '../helpers/temp';

interface Summary {
  name: string;
  size: number;
  labeled: number;
  by_reviewer: { reviewer: string; labeled: number }[];
}
interface Item {
  request_id: string;
  score: number | null;
  labels: { reviewer: string; verdict: string }[];
}

const event = (request_id: string, reviewer: string, verdict: string | null, minute: number) =>
  JSON.stringify({ request_id, verdict, note: null, expected: null, reviewer, labeled_at: new Date(Date.UTC(2026, 10, 4, 12, minute)).toISOString() });

describe('review queues and agreement', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let db: string;

  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir());
    const template = await reviewWorkspace(dir);
    db = join(dir, 'q.duckdb');
    await copyFile(template, db);
    await writeFile(journalPathFor(db), [
      event('c01', 'alice', 'fail', 1), event('c02', 'alice', 'fail', 2), event('c02', 'bob', 'fail', 3),
      event('c09', 'alice', 'fail', 4), event('c09', 'bob', 'pass', 5), event('c10', 'bob', 'pass', 6), event('c10', 'alice', 'pass', 7),
      event('c12', 'alice', 'fail', 8), event('c12', 'alice', null, 9),
    ].join('\n') + '\n');
  });
  afterAll(() => cleanup());

  it('reports each queue\'s size, how many are labeled and by whom', async () => {
    const { queues } = await cliJson<{ queues: Summary[] }>('queues', '--db', db);
    const calls = reviewCalls();
    // Everything not judged at or below 0.6, thumbs-down, blocked or failed, stratified by feature and locale at 2%: one call per stratum.
    const queued = new Set(['c01', 'c02', 'c03', 'c04', 'c05', 'c06', 'c07', 'c08', 'c09', 'c10', 'c12', 'c13']);
    const strata = new Set(calls.filter((c) => !queued.has(String(c['request_id']))).map((c) => `${c['feature']}|${c['user_locale']}`));
    expect(queues).toEqual([
      { name: 'judge', title: 'Failed or borderline judge scores', size: 3, labeled: 2, by_reviewer: [{ reviewer: 'alice', labeled: 2 }, { reviewer: 'bob', labeled: 2 }] },
      { name: 'thumbs-down', title: 'User thumbs-down', size: 1, labeled: 0, by_reviewer: [] },
      { name: 'guardrail', title: 'Guardrail blocks', size: 5, labeled: 2, by_reviewer: [{ reviewer: 'alice', labeled: 2 }, { reviewer: 'bob', labeled: 1 }] },
      { name: 'errors', title: 'Errors', size: 3, labeled: 0, by_reviewer: [] },
      { name: 'drift', title: 'Drift exemplars', size: expect.any(Number), labeled: expect.any(Number), by_reviewer: expect.any(Array) },
      { name: 'sample', title: 'Stratified sample', size: strata.size, labeled: 0, by_reviewer: [] },
      { name: 'slice', title: 'The current slice', size: 40, labeled: 4, by_reviewer: [{ reviewer: 'alice', labeled: 4 }, { reviewer: 'bob', labeled: 3 }] },
    ]);
  });

  it('holds every call of the slice in the slice queue, newest first, and restricts every queue to the slice', async () => {
    const slice = ['--where', 'feature=refund_copilot', '--since', '2026-11-04T10:10:00Z'];
    const { items } = await cliJson<{ items: (Item & { feature: string; ts: string })[] }>('queues', '--db', db, '--queue', 'slice', ...slice, '--limit', '100');
    const expected = reviewCalls()
      .filter((c) => c['feature'] === 'refund_copilot' && String(c['ts']) >= '2026-11-04T10:10:00')
      .map((c) => String(c['request_id']))
      .reverse();
    expect(expected).toHaveLength(16);
    expect(items.map((i) => i.request_id)).toEqual(expected);
    expect(items.find((i) => i.request_id === 'c10')?.labels).toEqual([{ reviewer: 'alice', verdict: 'pass' }, { reviewer: 'bob', verdict: 'pass' }]);
    const { queues } = await cliJson<{ queues: Summary[] }>('queues', '--db', db, ...slice);
    expect(queues.find((q) => q.name === 'slice')).toMatchObject({ size: 16, labeled: 1 });
    expect(queues.find((q) => q.name === 'judge')).toMatchObject({ size: 2 });
    const bad = await cli('queues', '--db', db, '--queue', 'slice', '--where', 'nope=1');
    expect([bad.code, bad.stderr.trim()]).toEqual([2, expect.stringContaining('unknown column "nope" in --where')]);
  });

  it('lists a queue\'s calls in its order, with their labels, and the next ones for a reviewer', async () => {
    const judge = await cliJson<{ items: Item[] }>('queues', '--db', db, '--queue', 'judge');
    expect(judge.items.map((i) => [i.request_id, i.score, i.labels])).toEqual([
      ['c09', 0.2, [{ reviewer: 'alice', verdict: 'fail' }, { reviewer: 'bob', verdict: 'pass' }]],
      ['c10', 0.5, [{ reviewer: 'alice', verdict: 'pass' }, { reviewer: 'bob', verdict: 'pass' }]],
      ['c12', 0.55, []],
    ]);
    const next = await cliJson<{ items: Item[] }>('queues', '--db', db, '--queue', 'guardrail', '--unlabeled-by', 'bob', '--limit', '2');
    expect(next.items.map((i) => i.request_id)).toEqual(['c05', 'c04']);
  });

  it('samples a share of every feature and locale, the same calls each time', async () => {
    const calls = reviewCalls();
    const queued = new Set(['c01', 'c02', 'c03', 'c04', 'c05', 'c06', 'c07', 'c08', 'c09', 'c10', 'c12', 'c13']);
    const strata = new Map<string, number>();
    for (const c of calls.filter((c) => !queued.has(String(c['request_id'])))) strata.set(`${c['feature']}|${c['user_locale']}`, (strata.get(`${c['feature']}|${c['user_locale']}`) ?? 0) + 1);
    const first = await cliJson<{ items: (Item & { feature: string; locale: string })[] }>('queues', '--db', db, '--queue', 'sample', '--sample-rate', '0.3');
    const perStratum = new Map<string, number>();
    for (const i of first.items) perStratum.set(`${i.feature}|${i.locale}`, (perStratum.get(`${i.feature}|${i.locale}`) ?? 0) + 1);
    expect(perStratum).toEqual(new Map([...strata].map(([k, n]) => [k, Math.ceil(n * 0.3)])));
    expect(first.items.some((i) => queued.has(i.request_id))).toBe(false);
    const second = await cliJson<{ items: Item[] }>('queues', '--db', db, '--queue', 'sample', '--sample-rate', '0.3');
    expect(second.items.map((i) => i.request_id)).toEqual(first.items.map((i) => i.request_id));
  });

  it('computes agreement between reviewers and with the judge', async () => {
    const report = await cliJson<{ labeled: number; conflicts: number; reviewers: { pairs: unknown[]; fleiss: unknown }; judges: Record<string, unknown>[] }>('labels', 'agreement', '--db', db);
    expect(report.labeled).toBe(4);
    expect(report.conflicts).toBe(1);
    // alice and bob both labeled c02 (fail, fail), c09 (fail, pass), c10 (pass, pass): agreement 2/3; alice fails 2 of 3, bob 1 of 3, so chance agreement is 2/9 + 2/9.
    expect(report.reviewers.pairs).toEqual([{ reviewers: ['alice', 'bob'], items: 3, agreement: 2 / 3, kappa: expect.closeTo((2 / 3 - 4 / 9) / (5 / 9), 12) }]);
    expect(report.reviewers.fleiss).toBeNull();
    // Judge faithfulness on labeled calls without conflict: c10 0.5 (pass by the judge at 0.4), human pass.
    expect(report.judges).toEqual([expect.objectContaining({ name: 'faithfulness', threshold: 0.4, items: 1, both_pass: 1, judge_fail_confirmed: null })]);
    const judgeOnly = await cliJson<{ labeled: number }>('labels', 'agreement', '--db', db, '--queue', 'guardrail');
    expect(judgeOnly.labeled).toBe(2);
  });

  it('merges reviewers\' journals into one that replays to the same labels', async () => {
    const a = join(dir, 'a.labels.jsonl');
    const b = join(dir, 'b.labels.jsonl');
    await writeLines(a, [event('c01', 'alice', 'fail', 1), event('c02', 'alice', 'pass', 3)]);
    await writeLines(b, [event('c01', 'bob', 'fail', 2), event('c01', 'alice', 'fail', 1), '{"torn":']);
    const out = join(dir, 'merged.labels.jsonl');
    const result = await cli('labels', 'merge', a, b, '--out', out, '--json');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`warning: ${b}:3: invalid JSON, skipped\n`);
    expect(JSON.parse(result.stdout)).toEqual({ out, events: 3, duplicates: 1, problems: [{ source: b, line: 3, reason: 'invalid JSON, skipped' }] });
    expect((await readFile(out, 'utf8')).trimEnd().split('\n')).toEqual([event('c01', 'alice', 'fail', 1), event('c01', 'bob', 'fail', 2), event('c02', 'alice', 'pass', 3)]);
  });

  it('fills the drift queue with the exemplars of the drift alerts', async () => {
    const demo = [...generateDemo({ ...DEFAULT_DEMO, days: 10, callsPerDay: 300, incidents: ['refusal_spike', 'agent_loop'] })].filter((r) => r.kind === 'call').map((r) => r.value);
    const dump = await writeLines(join(dir, 'demo.jsonl'), demo);
    const demoDb = join(dir, 'demo.duckdb');
    expect((await cli('ingest', dump, '--db', demoDb)).code).toBe(0);
    const drift = await cli('drift', demoDb, '--json');
    const alerts = (JSON.parse(drift.stdout) as { alerts: { exemplars: string[] }[] }).alerts;
    const exemplars = new Set(alerts.flatMap((a) => a.exemplars));
    expect(exemplars.size).toBeGreaterThan(0);
    const { items } = await cliJson<{ items: Item[] }>('queues', '--db', demoDb, '--queue', 'drift', '--limit', '1000');
    expect(new Set(items.map((i) => i.request_id))).toEqual(exemplars);
    const report = JSON.parse(drift.stdout) as { alerts: (AlertIdentity & { exemplars: string[] })[] };
    const one = report.alerts.reduce((a, b) => (b.exemplars.length < a.exemplars.length ? b : a));
    const only = await cliJson<{ items: Item[] }>('queues', '--db', demoDb, '--queue', 'drift', '--alert', alertKey(one), '--limit', '1000');
    expect(new Set(only.items.map((i) => i.request_id))).toEqual(new Set(one.exemplars));
    expect(only.items.length).toBeLessThan(items.length);
    const typo = await cli('queues', '--db', demoDb, '--queue', 'drift', '--alert', `${alertKey(one)}x`);
    expect(typo.code).toBe(2);
    expect(typo.stderr.startsWith(`tracelens queues: no drift alert ${alertKey(one)}x on this workspace; its alerts: `)).toBe(true);
    expect(typo.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(typo.stderr).toContain(JSON.stringify(alertKey(one)));
    const wrong = await cli('queues', '--db', demoDb, '--queue', 'errors', '--alert', alertKey(one));
    expect([wrong.code, wrong.stderr]).toEqual([2, expect.stringContaining('--alert restricts the drift queue')]);
  });
});
