import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LabelJournal } from '../../electron/engine/review/journal';
import { journalPathFor } from '../../electron/engine/review/journal-path';
import { Review } from '../../electron/engine/review/review';
import { saveLabel, saveLabels } from '../../electron/engine/review/save-label';
import { Workspace } from '../../electron/engine/workspace';
import { cliProcess } from '../helpers/cli';
import { reviewWorkspaceCopies, type WorkspaceCopies } from '../helpers/review-fixture';
import { value } from '../helpers/result';


describe('label journal', () => {
  let copies: WorkspaceCopies;
  let dir: string;
  const workspaceCopy = () => copies.copy();

  beforeAll(async () => {
    copies = await reviewWorkspaceCopies();
    dir = copies.dir;
  });
  afterAll(() => copies.cleanup());

  it('lives beside the workspace', () => {
    expect(journalPathFor('/data/incident.duckdb')).toBe('/data/incident.labels.jsonl');
    expect(journalPathFor('/data/incident.db')).toBe('/data/incident.db.labels.jsonl');
  });

  it('saves labels to disk before reporting them, and the labels table sees them at once', async () => {
    const workspace = await Workspace.open({ path: await workspaceCopy(), readOnly: true });
    const review = value(await Review.open(workspace));
    const journal = value(await LabelJournal.open(review.journalPath!));
    const saved = value(await saveLabel(review, journal, { request_id: 'c09', verdict: 'fail', note: 'invented a policy', reviewer: 'alice', reason: 'hallucination' }));
    expect(await readFile(journal.path, 'utf8')).toBe(JSON.stringify(saved) + '\n');
    value(await saveLabel(review, journal, { request_id: 'c09', verdict: 'pass', reviewer: 'bob' }));
    value(await saveLabel(review, journal, { request_id: 'c09', verdict: null, reviewer: 'bob' }));
    expect(await workspace.db.all('SELECT request_id, reviewer, verdict, reason FROM labels ORDER BY reviewer')).toEqual([{ request_id: 'c09', reviewer: 'alice', verdict: 'fail', reason: 'hallucination' }]);
    const unknown = await saveLabel(review, journal, { request_id: 'nope', verdict: 'fail', reviewer: 'alice' });
    expect(unknown).toEqual({ ok: false, error: { code: 'unknown_request', message: 'no call with request_id "nope" in this workspace' } });
    expect((await readFile(journal.path, 'utf8')).trim().split('\n')).toHaveLength(3);
    await journal.close();
    workspace.close();
  });

  it('saves a bulk label with one write: all of it, or nothing when a call is unknown', async () => {
    const workspace = await Workspace.open({ path: await workspaceCopy(), readOnly: true });
    const review = value(await Review.open(workspace));
    const journal = value(await LabelJournal.open(review.journalPath!));
    const many = ['c20', 'c21', 'c22'].map((id) => ({ request_id: id, verdict: 'pass' as const, reviewer: 'alice' }));
    const refused = await saveLabels(review, journal, [...many, { request_id: 'nope', verdict: 'pass', reviewer: 'alice' }]);
    expect(refused.ok).toBe(false);
    expect(await readFile(journal.path, 'utf8')).toBe('');
    const saved = value(await saveLabels(review, journal, many));
    expect((await readFile(journal.path, 'utf8')).trim().split('\n').map((l) => JSON.parse(l).request_id)).toEqual(['c20', 'c21', 'c22']);
    expect(saved.map((e) => e.request_id)).toEqual(['c20', 'c21', 'c22']);
    expect(await workspace.db.all('SELECT request_id FROM labels ORDER BY request_id')).toEqual([{ request_id: 'c20' }, { request_id: 'c21' }, { request_id: 'c22' }]);
    await journal.close();
    workspace.close();
  });

  it('replays on open: latest per call and reviewer, clears honoured', async () => {
    const path = await workspaceCopy();
    const lines = [
      { request_id: 'c10', verdict: 'fail', note: null, expected: null, reviewer: 'alice', labeled_at: '2026-11-04T10:00:00.000Z' },
      { request_id: 'c10', verdict: 'pass', note: 'fine after all', expected: null, reviewer: 'alice', labeled_at: '2026-11-04T10:05:00.000Z' },
      { request_id: 'c11', verdict: 'fail', note: null, expected: null, reviewer: 'alice', labeled_at: '2026-11-04T10:00:00.000Z' },
      { request_id: 'c11', verdict: null, note: null, expected: null, reviewer: 'alice', labeled_at: '2026-11-04T10:01:00.000Z' },
    ];
    await writeFile(journalPathFor(path), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    const workspace = await Workspace.open({ path, readOnly: true });
    const review = value(await Review.open(workspace));
    expect(review.problems).toEqual([]);
    expect(await workspace.db.all('SELECT request_id, verdict, note FROM labels')).toEqual([{ request_id: 'c10', verdict: 'pass', note: 'fine after all' }]);
    workspace.close();
  });

  it('reports a torn last line, never rewrites it, and starts the next label on a fresh line', async () => {
    const path = await workspaceCopy();
    const good = JSON.stringify({ request_id: 'c10', verdict: 'fail', note: null, expected: null, reviewer: 'alice', labeled_at: '2026-11-04T10:00:00.000Z' });
    const before = `${good}\n{"request_id":"c11","verdict":"fa`;
    await writeFile(journalPathFor(path), before);
    const workspace = await Workspace.open({ path, readOnly: true });
    const review = value(await Review.open(workspace));
    expect(review.problems).toEqual([{ source: journalPathFor(path), line: 2, reason: 'torn last line (a write cut short), skipped' }]);
    expect(review.labels.map((l) => l.request_id)).toEqual(['c10']);
    const journal = value(await LabelJournal.open(review.journalPath!));
    value(await saveLabel(review, journal, { request_id: 'c12', verdict: 'pass', reviewer: 'bob' }));
    await journal.close();
    const after = await readFile(journalPathFor(path), 'utf8');
    expect(after.startsWith(before + '\n')).toBe(true);
    const again = value(await Review.open(workspace));
    expect(again.problems).toEqual([{ source: journalPathFor(path), line: 2, reason: 'invalid JSON, skipped' }]);
    expect(again.labels.map((l) => l.request_id)).toEqual(['c10', 'c12']);
    workspace.close();
  });

  it('lets one writer at a time: a second gets a clear message, in this process or another', async () => {
    const path = await workspaceCopy();
    const journal = value(await LabelJournal.open(journalPathFor(path)));
    const second = await LabelJournal.open(journalPathFor(path));
    expect(second.ok).toBe(false);
    expect(!second.ok && second.error).toEqual({ code: 'workspace_locked', message: expect.stringMatching(/^the label journal .*w\d+\.labels\.jsonl is being written by this process already; close it there first/) });
    const other = cliProcess(['label', '--db', path, '--request-id', 'c09', '--verdict', 'fail']);
    expect(other.code).toBe(2);
    expect(other.stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^tracelens label: the label journal .* is being written by another TraceLens process \\(pid ${process.pid}\\); close it there first`))]);
    await journal.close();
    const after = cliProcess(['label', '--db', path, '--request-id', 'c09', '--verdict', 'fail', '--reviewer', 'carol']);
    expect(after.stderr).toBe('');
    expect(after.code).toBe(0);
  });

  it('takes over the lock of a writer that died', async () => {
    const path = await workspaceCopy();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    await writeFile(`${journalPathFor(path)}.lock`, `${dead.stdout}\n`);
    const journal = await LabelJournal.open(journalPathFor(path));
    expect(journal.ok).toBe(true);
    expect(await readFile(`${journalPathFor(path)}.lock`, 'utf8')).toBe(`${process.pid}\n`);
    if (journal.ok) await journal.value.close();
  });

  it('reads other reviewers\' journals given with the workspace', async () => {
    const path = await workspaceCopy();
    const other = join(dir, 'bob.labels.jsonl');
    await writeFile(other, JSON.stringify({ request_id: 'c13', verdict: 'fail', note: null, expected: null, reviewer: 'bob', labeled_at: '2026-11-04T10:00:00.000Z' }) + '\n');
    const workspace = await Workspace.open({ path, readOnly: true });
    const review = value(await Review.open(workspace, { journals: [other] }));
    expect(review.labels.map((l) => [l.request_id, l.reviewer])).toEqual([['c13', 'bob']]);
    const missing = await Review.open(workspace, { journals: [join(dir, 'nope.jsonl')] });
    expect(missing).toEqual({ ok: false, error: { code: 'not_found', message: `no such label journal: ${join(dir, 'nope.jsonl')}` } });
    workspace.close();
  });
});
