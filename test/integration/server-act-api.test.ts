import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journalPathFor } from '../../electron/engine/review/journal-path';
import { type ApiServer, startApiServer } from '../helpers/api-server';
import { PLANTED, reviewWorkspace } from '../helpers/review-fixture';
import { value } from '../helpers/result';


async function journalLines(db: string): Promise<Record<string, unknown>[]> {
  const text = await readFile(journalPathFor(db), 'utf8');
  return text.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('drift, PII, review, gold and settings over HTTP', () => {
  let s: ApiServer;
  let db: string;

  beforeAll(async () => {
    s = await startApiServer();
    await mkdir(join(s.dir, 'review'));
    db = await reviewWorkspace(join(s.dir, 'review'));
    value(await s.api.openSources({ sources: [db] }));
  });
  afterAll(() => s.close());

  it('keeps settings in the config folder, the reviewer defaulting to the OS user', async () => {
    expect(value(await s.api.getSettings({})).reviewer).toBe(userInfo().username);
    const saved = value(await s.api.saveSettings({ reviewer: ' ana ', theme: 'dark' }));
    expect(saved).toMatchObject({ reviewer: 'ana', theme: 'dark', rulesFile: null });
    expect(JSON.parse(await readFile(join(s.dir, 'config', 'settings.json'), 'utf8'))).toMatchObject({ reviewer: 'ana', theme: 'dark' });
    const missing = await s.api.saveSettings({ rulesFile: join(s.dir, 'no-such-rules.yaml') });
    expect(missing.ok || missing.error).toMatchObject({ code: 'bad_input', message: expect.stringContaining('no such file') });
    expect(value(await s.api.getSettings({})).rulesFile).toBeNull();
  });

  it('lists queues with their sizes and items in queue order', async () => {
    const { queues } = value(await s.api.reviewQueues({}));
    const size = (name: string) => queues.find((q) => q.name === name)?.size;
    expect([size('guardrail'), size('errors'), size('judge'), size('thumbs-down')]).toEqual([5, 3, 3, 1]);
    const { items } = value(await s.api.queueItems({ queue: 'judge' }));
    expect(items.map((i) => i.request_id)).toEqual(['c09', 'c10', 'c12']);
    const sliced = value(await s.api.reviewQueues({ filter: { where: { feature: ['refund_copilot'] } } }));
    expect(sliced.queues.find((q) => q.name === 'guardrail')?.size).toBe(2);
  });

  it('says where labels go and who labels', async () => {
    expect(value(await s.api.reviewState({}))).toEqual({ journal: journalPathFor(db), reviewer: 'ana', skippedLines: 0 });
  });

  it('saves labels to the journal before answering, clears and undoes them', async () => {
    const saved = value(await s.api.saveLabel({ requestId: 'c01', verdict: 'fail', note: 'leaked a card', expected: 'refuse', reason: 'wrong_policy' }));
    expect(saved.event).toMatchObject({ request_id: 'c01', verdict: 'fail', reviewer: 'ana', reason: 'wrong_policy' });
    expect((await journalLines(db)).at(-1)).toMatchObject({ request_id: 'c01', verdict: 'fail', note: 'leaked a card', reviewer: 'ana' });

    value(await s.api.saveLabel({ requestId: 'c02', verdict: 'pass' }));
    value(await s.api.saveLabel({ requestId: 'c02', verdict: 'fail', note: 'wrong' }));
    const undone = value(await s.api.undoLabel({}));
    expect(undone.event).toMatchObject({ request_id: 'c02', verdict: 'pass' });
    expect(value(await s.api.callLabels({ requestId: 'c02' })).labels.map((l) => l.verdict)).toEqual(['pass']);
    expect(value(await s.api.undoLabel({})).event).toMatchObject({ request_id: 'c02', verdict: null });
    expect(value(await s.api.callLabels({ requestId: 'c02' })).labels).toEqual([]);
    expect((await journalLines(db)).map((l) => [l['request_id'], l['verdict']])).toEqual([
      ['c01', 'fail'], ['c02', 'pass'], ['c02', 'fail'], ['c02', 'pass'], ['c02', null],
    ]);

    const unknown = await s.api.saveLabel({ requestId: 'nope', verdict: 'pass' });
    expect(unknown.ok || unknown.error.code).toBe('unknown_request');
    const queues = value(await s.api.reviewQueues({})).queues;
    expect(queues.find((q) => q.name === 'guardrail')).toMatchObject({ labeled: 1, by_reviewer: [{ reviewer: 'ana', labeled: 1 }] });
  });

  it('labels a selection in one save and reports agreement between reviewers', async () => {
    value(await s.api.saveLabels({ requestIds: ['c09', 'c10'], verdict: 'fail', reason: 'hallucination' }));
    value(await s.api.saveSettings({ reviewer: 'bo' }));
    value(await s.api.saveLabel({ requestId: 'c09', verdict: 'fail' }));
    value(await s.api.saveLabel({ requestId: 'c10', verdict: 'pass' }));
    value(await s.api.saveSettings({ reviewer: 'ana' }));
    const stats = value(await s.api.agreement({ queue: 'judge' }));
    expect(stats).toMatchObject({ labeled: 2, conflicts: 1 });
    expect(stats.reviewers.pairs[0]).toMatchObject({ reviewers: ['ana', 'bo'], items: 2, agreement: 0.5 });
    expect(stats.judges.map((j) => j.name)).toEqual(['faithfulness']);
    // The same queue in a slice: only c09 (search_answer) is in it, and both reviewers failed it.
    const sliced = value(await s.api.agreement({ queue: 'judge', filter: { where: { feature: ['search_answer'] } } }));
    expect(sliced).toMatchObject({ labeled: 1, conflicts: 0 });
    expect(sliced.reviewers.pairs[0]).toMatchObject({ reviewers: ['ana', 'bo'], items: 1, agreement: 1 });
  });

  it('previews gold rows exactly as exported, PII masked, with conflict and skipped-line warnings', async () => {
    const preview = value(await s.api.previewGold({ verdict: 'fail' }));
    expect(preview.rows).toBe(2);
    expect(preview.lines.map((l) => (JSON.parse(l) as { request_id: string }).request_id)).toEqual(['c01', 'c09']);
    expect(preview.lines.join('\n')).not.toContain(PLANTED.card);
    expect(preview.warnings.join(' ')).toContain('1 call with conflicting labels');
    expect(preview.conflicts.map((c) => c.request_id)).toEqual(['c10']);

    const out = join(s.dir, 'gold', 'fail.jsonl');
    await mkdir(join(s.dir, 'gold'));
    const written = value(await s.api.exportGold({ verdict: 'fail', out }));
    expect(written.path).toBe(out);
    expect((await readFile(out, 'utf8')).trim().split('\n')).toEqual(preview.lines);

    const latest = value(await s.api.previewGold({ verdict: 'all', resolve: 'latest', merge: out }));
    expect(latest).toMatchObject({ rows: 3, kept: 2, added: 1 });
    const missingMerge = await s.api.previewGold({ merge: join(s.dir, 'none.jsonl') });
    expect(missingMerge.ok || missingMerge.error.code).toBe('not_found');
  });

  it('runs drift with progress events and scans for PII with masked values', async () => {
    const report = value(await s.api.runDrift({}));
    expect(report.checks).toHaveLength(10);
    await expect.poll(() => s.events.filter((e) => e.type === 'driftProgress').map((e) => e.payload).at(-1)).toMatchObject({ done: 10, total: 10 });
    const pii = value(await s.api.scanPii({}));
    expect(pii.counts.pan).toBe(1);
    const card = pii.findings.find((f) => f.kind === 'pan')!;
    expect(card).toMatchObject({ request_id: 'c01', field: 'input_preview' });
    expect(card.match).not.toContain('4111 1111 1111');
    expect(pii.more).toBe(0);
  });

  it("reruns drift with the settings' rules file", async () => {
    const rules = join(s.dir, 'rules.yaml');
    await writeFile(rules, 'checks:\n  tool_loop: false\n  cost_anomaly: false\n');
    value(await s.api.saveSettings({ rulesFile: rules }));
    try {
      const report = value(await s.api.runDrift({}));
      const status = (check: string) => report.checks.find((c) => c.check === check);
      expect(status('tool_loop')).toMatchObject({ status: 'skipped', reason: 'disabled by the rules file' });
      expect(status('cost_anomaly')).toMatchObject({ status: 'skipped', reason: 'disabled by the rules file' });
      expect(status('error_rate_spike')?.reason).not.toBe('disabled by the rules file');
    } finally {
      value(await s.api.saveSettings({ rulesFile: null }));
    }
    expect(value(await s.api.runDrift({})).checks.find((c) => c.check === 'tool_loop')?.reason).not.toBe('disabled by the rules file');
  });

  it('shows a failed save as an error and keeps the label unsaved', async () => {
    const journal = journalPathFor(db);
    const before = await readFile(journal, 'utf8');
    await rm(journal);
    await mkdir(journal);
    try {
      const failed = await s.api.saveLabel({ requestId: 'c05', verdict: 'fail', note: 'x' });
      expect(failed.ok || failed.error).toMatchObject({ code: 'journal_write_failed', message: expect.stringContaining('label journal') });
      expect(value(await s.api.callLabels({ requestId: 'c05' })).labels).toEqual([]);
    } finally {
      await rm(journal, { recursive: true });
      await writeFile(journal, before);
    }
    expect(value(await s.api.saveLabel({ requestId: 'c05', verdict: 'pass' })).event.verdict).toBe('pass');
  });
});
