import { cp, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { type ApiServer, startApiServer, writeSmallDemo } from '../helpers/api-server';
import { value } from '../helpers/result';


describe('opening workspaces over HTTP', () => {
  let s: ApiServer;
  let demo: string;

  beforeAll(async () => {
    s = await startApiServer();
    demo = await writeSmallDemo(join(s.dir, 'demo'), { days: 1, callsPerDay: 200 });
  });
  afterAll(() => s.close());

  it('opens the bundled demo from the cache folder', async () => {
    await cp(demo, join(s.dir, 'cache', 'demo'), { recursive: true });
    const opened = value(await s.api.openDemo({}));
    expect(opened.workspace.title).toBe('Demo dataset');
    expect(opened.report?.rows.calls).toBeGreaterThan(0);
    await expect.poll(() => s.events.some((e) => e.type === 'workspaceOpened' && e.payload.title === 'Demo dataset')).toBe(true);
  });

  it('adds sources to the open workspace or replaces it', async () => {
    const calls = value(await s.api.openSources({ sources: [join(demo, 'calls.jsonl')] })).workspace.rows;
    expect(calls.scores).toBe(0);
    const requests = async () => value(await s.api.sliceAggregates({ by: [], filter: {} })).groups[0]!.requests;
    const scored = async () => tableFromIPC(value(await s.api.scoreTrend({ filter: {} })).arrow).numRows;
    // Answers asked before files are added are kept for the calls as they were, and dropped when they change.
    expect(await requests()).toBe(calls.calls);
    expect(await scored()).toBe(0);
    const added = value(await s.api.openSources({ sources: [join(demo, 'scores.jsonl')], mode: 'add' })).workspace;
    expect(added.rows.calls).toBe(calls.calls);
    expect(added.rows.scores).toBeGreaterThan(0);
    expect(added.title).toBe('calls.jsonl');
    expect(await scored()).toBeGreaterThan(0);
    await cp(join(demo, 'calls.jsonl'), join(s.dir, 'more-calls.jsonl'));
    value(await s.api.openSources({ sources: [join(s.dir, 'more-calls.jsonl')], mode: 'add' }));
    expect(await requests()).toBe(2 * calls.calls);
  });

  it('opens a saved workspace file as it is', async () => {
    const db = join(s.dir, 'saved.duckdb');
    expect((await cli('ingest', demo, '--db', db)).code).toBe(0);
    const opened = value(await s.api.openSources({ sources: [db] }));
    expect(opened.report).toBeNull();
    expect(opened.workspace.path).toBe(db);
    expect(opened.workspace.sources).toHaveLength(3);
    const { workspaces } = value(await s.api.recentWorkspaces({}));
    expect(workspaces[0]).toMatchObject({ path: db, title: 'saved.duckdb' });
  });

  it('answers a missing source with the engine message and keeps the open workspace', async () => {
    const missing = await s.api.openSources({ sources: [join(s.dir, 'nope.jsonl')] });
    expect(missing).toEqual({ ok: false, error: { code: 'not_found', message: expect.stringContaining('nope.jsonl') } });
    expect(value(await s.api.workspaceInfo({})).title).toBe('saved.duckdb');
  });

  it('tracelens serve: bad sources and a busy port are one-line errors (exit 2)', async () => {
    const missing = await cli('serve', join(s.dir, 'nope.jsonl'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`tracelens serve: no such file or folder: ${join(s.dir, 'nope.jsonl')}\n`);
    const busy = await cli('serve', demo, '--port', String(s.server.port));
    expect(busy.code).toBe(2);
    expect(busy.stderr).toBe(`tracelens serve: port ${s.server.port} is in use: pick another with --port, or leave it out for a free one\n`);
    expect((await cli('serve', '--port', 'eighty')).stderr).toContain('--port must be a port number');
  });

  it('tracelens serve --db: a missing workspace is an error, not a new empty one; a workspace SOURCE does not go with --db', async () => {
    const typo = join(s.dir, 'incidnet.duckdb');
    const missing = await cli('serve', '--db', typo);
    expect([missing.code, missing.stderr]).toEqual([2, `tracelens serve: no such workspace: ${typo} (give dumps to load into it: tracelens serve DUMP... --db ${typo})\n`]);
    await expect(stat(typo)).rejects.toThrow();
    const saved = join(s.dir, 'saved.duckdb');
    const both = await cli('serve', saved, '--db', join(s.dir, 'other.duckdb'));
    expect([both.code, both.stderr]).toEqual([2, `tracelens serve: open the workspace ${saved} on its own, or load dumps into ${join(s.dir, 'other.duckdb')}: not both\n`]);
  });
});
