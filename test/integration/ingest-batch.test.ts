import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFiles } from '../../electron/engine/ingest';
import { Workspace } from '../../electron/engine/workspace';
import { resolveSources } from '../../electron/sources/resolve';
import { tempDir, writeLines } from '../helpers/temp';

const TABLE_ROWS = `SELECT source_uri, request_id, ts, feature, tokens_in, cost_usd, total_ms, CAST(metadata AS VARCHAR) AS metadata
                    FROM calls ORDER BY source_uri, request_id`;

function call(file: number, i: number): Record<string, unknown> {
  const base: Record<string, unknown> = { request_id: `f${file}-r${i}`, ts: `2026-11-0${1 + (i % 3)}T10:00:00Z`, feature: `feat${file % 3}`, model: 'gpt-4o', tokens_in: 10 * i, cost_usd: 0.001 * i };
  if (file % 4 === 1) base['latency_ms'] = { ttft: 100 + i, total: 900 + i };
  if (file % 5 === 2) base['team'] = `team-${i}`;
  if (file === 3 && i === 0) base['scores'] = [{ name: 'thumbs', value: 'up' }];
  return base;
}

/** Loads each file on its own, as the per-file loaders do: the reference a batch must match. */
async function loadOneByOne(paths: readonly string[]) {
  const workspace = await Workspace.open();
  for (const path of paths) await ingestFiles(workspace, await resolveSources([path]));
  const rows = await workspace.db.all(TABLE_ROWS);
  const scores = await workspace.db.all('SELECT source_uri, request_id, name, value FROM scores ORDER BY 1, 2');
  workspace.close();
  return { rows, scores };
}

describe('a folder of many small dumps', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  const files: string[] = [];
  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir());
    await mkdir(join(dir, 'many'));
    for (let f = 0; f < 24; f++) files.push(await writeLines(join(dir, 'many', `part-${String(f).padStart(2, '0')}.jsonl`), Array.from({ length: 3 + (f % 4) }, (_, i) => call(f, i))));
  });
  afterAll(() => cleanup());

  it('loads them together with the same rows, sources and inline scores as one by one', async () => {
    const workspace = await Workspace.open();
    const report = await ingestFiles(workspace, await resolveSources([join(dir, 'many')]));
    const expected = await loadOneByOne(files);
    expect(await workspace.db.all(TABLE_ROWS)).toEqual(expected.rows);
    expect(await workspace.db.all('SELECT source_uri, request_id, name, value FROM scores ORDER BY 1, 2')).toEqual(expected.scores);
    expect(report.rows.calls).toBe(expected.rows.length);
    expect(report.rows.scores).toBe(1);
    expect(report.sources.map((s) => [s.uri, s.rows])).toEqual(files.map((f, i) => [f, 3 + (i % 4) + (i === 3 ? 1 : 0)]));
    expect(await workspace.db.all('SELECT uri, calls FROM sources ORDER BY uri')).toEqual(files.map((f, i) => ({ uri: f, calls: 3 + (i % 4) })));
    await ingestFiles(workspace, await resolveSources([join(dir, 'many')]));
    expect((await workspace.db.one('SELECT count(*) AS n FROM calls'))!['n']).toBe(expected.rows.length);
    workspace.close();
  });

  it('falls back to per-file loading when one file has a malformed line or a value of another type', async () => {
    const mixed = join(dir, 'mixed');
    await mkdir(mixed);
    const good = await writeLines(join(mixed, 'a.jsonl'), [call(0, 0), call(0, 1)]);
    const bad = await writeLines(join(mixed, 'b.jsonl'), [call(1, 0), '{"request_id":"broken",', call(1, 2)]);
    const typed = await writeLines(join(mixed, 'c.jsonl'), [{ ...call(2, 0), tokens_in: 'many' }, call(2, 1)]);
    const workspace = await Workspace.open();
    const report = await ingestFiles(workspace, await resolveSources([mixed]));
    expect(report.rows.calls).toBe(6);
    expect(report.errors).toEqual([{ source: bad, line: 2, reason: 'invalid JSON' }]);
    expect(report.warnings).toEqual([{ source: typed, line: null, reason: 'tokens_in: 1 value of the wrong type left empty (first in request f2-r0)' }]);
    expect(await workspace.db.all(TABLE_ROWS)).toEqual((await loadOneByOne([good, bad, typed])).rows);
    workspace.close();
  });
});
