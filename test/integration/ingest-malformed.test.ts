import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFiles } from '../../electron/engine/ingest';
import { Workspace } from '../../electron/engine/workspace';
import { resolveSources } from '../../electron/sources/resolve';
import { tempDir, writeLines } from '../helpers/temp';

const MALFORMED = [
  '{"request_id":"r1","model":"gpt-4o","tokens_in":10,"tokens_out":5,"feature":"a"}',
  '',
  '{"request_id":"r2",',
  '[1,2]',
  '{"request_id":"r3","model":"gpt-4o","tokens_in":"7","feature":"a"}',
  '42',
  '{"request_id":"r4","tokens_in":"lots","feature":"b"}',
  '{"nothing":"here"}',
  '{"request_id":"r5","feat',
];

async function load(paths: string[]) {
  const workspace = await Workspace.open();
  const report = await ingestFiles(workspace, await resolveSources(paths));
  return { workspace, report };
}

describe('malformed lines', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => ({ dir, cleanup } = await tempDir()));
  afterAll(() => cleanup());

  it('keeps every valid line and reports every bad one with its line number', async () => {
    const file = await writeLines(join(dir, 'bad.jsonl'), MALFORMED, { trailingNewline: false });
    const { workspace, report } = await load([file]);
    expect(report.rows).toEqual({ calls: 3, scores: 0, spans: 0 });
    expect(report.skipped).toBe(5);
    expect(report.errors).toEqual([
      { source: file, line: 3, reason: 'invalid JSON' },
      { source: file, line: 4, reason: 'not a JSON object (an array)' },
      { source: file, line: 6, reason: 'not a JSON object (a number)' },
      { source: file, line: 8, reason: 'no field TraceLens recognizes' },
      { source: file, line: 9, reason: 'truncated last line (the file ends in the middle of a record)' },
    ]);
    const rows = await workspace.db.all('SELECT request_id, tokens_in FROM calls ORDER BY request_id');
    expect(rows).toEqual([
      { request_id: 'r1', tokens_in: 10 },
      { request_id: 'r3', tokens_in: 7 },
      { request_id: 'r4', tokens_in: null },
    ]);
    expect(report.warnings).toEqual([{ source: file, line: null, reason: 'tokens_in: 1 value of the wrong type left empty (first in request r4)' }]);
    expect(await workspace.db.all('SELECT source, line, reason FROM ingest_errors ORDER BY line')).toEqual(report.errors);
    workspace.close();
  });

  it('gives the same rows and line numbers for the gzip-compressed file', async () => {
    const file = await writeLines(join(dir, 'bad.jsonl.gz'), MALFORMED, { gzip: true, trailingNewline: false });
    const { workspace, report } = await load([file]);
    expect(report.rows.calls).toBe(3);
    expect(report.errors.map((e) => e.line)).toEqual([3, 4, 6, 8, 9]);
    expect(report.errors.at(-1)!.reason).toBe('truncated last line (the file ends in the middle of a record)');
    workspace.close();
  });

  it('reports the torn last line of a gzip file cut off mid-write', async () => {
    const whole = await writeLines(join(dir, 'whole.jsonl.gz'), Array.from({ length: 400 }, (_, i) => ({ request_id: `w${i}`, model: 'm', input_preview: `question ${i} `.repeat(20) })), { gzip: true });
    const bytes = await readFile(whole);
    const cut = join(dir, 'cut.jsonl.gz');
    await writeFile(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const { workspace, report } = await load([cut]);
    expect(report.rows.calls).toBeGreaterThan(0);
    expect(report.errors).toEqual([{ source: cut, line: report.rows.calls + 1, reason: 'truncated last line (the file ends in the middle of a record)' }]);
    workspace.close();
  });

  it('accepts a UTF-8 byte order mark, CRLF line ends and blank lines', async () => {
    const file = join(dir, 'bom.jsonl');
    await writeFile(file, '\uFEFF{"request_id":"b1","model":"m"}\r\n\r\n   \r\n{"request_id":"b2","model":"m"}\r\n');
    const { workspace, report } = await load([file]);
    expect(report.rows.calls).toBe(2);
    expect(report.errors).toEqual([]);
    expect(await workspace.db.all('SELECT request_id FROM calls ORDER BY 1')).toEqual([{ request_id: 'b1' }, { request_id: 'b2' }]);
    workspace.close();
  });

  it('reports a file of an unknown shape by name and loads the others', async () => {
    const unknown = await writeLines(join(dir, 'other.jsonl'), [{ foo: 1 }, { bar: 2 }]);
    const good = await writeLines(join(dir, 'good.jsonl'), [{ request_id: 'g1', model: 'm' }]);
    const { workspace, report } = await load([unknown, good]);
    expect(report.rows.calls).toBe(1);
    expect(report.sources.map((s) => [s.uri, s.format])).toEqual([[unknown, 'unknown'], [good, 'canonical']]);
    expect(report.errors[0]).toMatchObject({ source: unknown, line: null });
    expect(report.errors[0]!.reason).toMatch(/^not loaded: /);
    workspace.close();
  });

  it('reports a damaged Parquet file by name and loads the others', async () => {
    const workspace = await Workspace.open();
    const whole = join(dir, 'whole.parquet');
    await workspace.db.exec(`COPY (SELECT 'p' || i AS request_id, 'gpt-4o' AS model, i AS tokens_in FROM range(1000) t(i)) TO '${whole}' (FORMAT parquet)`);
    workspace.close();
    const bytes = await readFile(whole);
    const cut = join(dir, 'cut.parquet');
    await writeFile(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const footer = join(dir, 'footer.parquet');
    await writeFile(footer, Buffer.concat([Buffer.from('PAR1'), Buffer.alloc(64, 7), Buffer.from('PAR1')]));
    const good = await writeLines(join(dir, 'fine.jsonl'), [{ request_id: 'g1', model: 'm' }]);
    const loaded = await load([cut, footer, whole, good]);
    expect(loaded.report.rows.calls).toBe(1001);
    expect(loaded.report.sources.map((s) => [s.uri, s.format, s.rows])).toEqual([[cut, 'unknown', 0], [footer, 'unknown', 0], [whole, 'canonical-parquet', 1000], [good, 'canonical', 1]]);
    expect(loaded.report.errors).toEqual([
      { source: cut, line: null, reason: expect.stringMatching(/^not loaded: not a readable Parquet file \([^\n]+\)$/) },
      { source: footer, line: null, reason: expect.stringMatching(/^not loaded: not a readable Parquet file \([^\n]+\)$/) },
    ]);
    expect(loaded.report.errors.map((e) => e.reason).join()).not.toContain(dir);
    loaded.workspace.close();
  });

  it('reports a damaged gzip file by name; an empty one is no error', async () => {
    const damaged = join(dir, 'damaged.jsonl.gz');
    await writeFile(damaged, Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0x00]), Buffer.alloc(32, 0xff)]));
    const empty = await writeLines(join(dir, 'empty.jsonl.gz'), [], { gzip: true, trailingNewline: false });
    const good = await writeLines(join(dir, 'ok.jsonl.gz'), [{ request_id: 'z1', model: 'm' }], { gzip: true });
    const { workspace, report } = await load([damaged, empty, good]);
    expect(report.rows.calls).toBe(1);
    expect(report.sources.map((s) => [s.uri, s.format])).toEqual([[damaged, 'unknown'], [empty, 'canonical'], [good, 'canonical']]);
    expect(report.errors).toEqual([{ source: damaged, line: null, reason: expect.stringMatching(/^not loaded: not a readable gzip file \(\w+\)$/) }]);
    workspace.close();
  });

  it('reports more than 100 bad lines as a count with the first 100 in detail', async () => {
    const lines = Array.from({ length: 250 }, (_, i) => (i % 2 === 0 ? `{"request_id":"x${i}"` : { request_id: `ok${i}`, model: 'm' }));
    const file = await writeLines(join(dir, 'many.jsonl'), lines);
    const { workspace, report } = await load([file]);
    expect(report.rows.calls).toBe(125);
    expect(report.skipped).toBe(125);
    expect(report.errors).toHaveLength(100);
    expect(report.errors[99]!.line).toBe(199);
    expect(await workspace.db.one('SELECT count(*) AS n, max(line) AS last FROM ingest_errors')).toEqual({ n: 100, last: 199 });
    workspace.close();
  });

  it('counts values of the wrong type per column, in the fast read and the line-checked one alike', async () => {
    const records = [
      { request_id: 'a', ts: 'not a time', timestamp: 'also bad', tokens_in: 'lots', cost_usd: 'cheap', model: 'm' },
      { request_id: 'b', ts: '2026-01-01T00:00:00Z', tokens_in: 5, model: 'm' },
      { request_id: 'c', ts: 1_700_000_000, tokens_in: '7', latency_ms: { ttft: 'x', total: 9 }, model: 'm' },
    ];
    const expected = (file: string) => [
      { source: file, line: null, reason: 'cost_usd: 1 value of the wrong type left empty (first in request a)' },
      { source: file, line: null, reason: 'tokens_in: 1 value of the wrong type left empty (first in request a)' },
      { source: file, line: null, reason: 'ts: 2 values of the wrong type left empty (first in request a)' },
      { source: file, line: null, reason: 'ttft_ms: 1 value of the wrong type left empty (first in request c)' },
    ];
    const clean = await writeLines(join(dir, 'coerce.jsonl'), records);
    const dirty = await writeLines(join(dir, 'coerce-dirty.jsonl'), [...records, '{"request_id":']);
    for (const file of [clean, dirty]) {
      const { workspace, report } = await load([file]);
      expect(report.rows.calls).toBe(3);
      expect(report.warnings).toEqual(expected(file));
      expect(await workspace.db.all('SELECT request_id, _coerce FROM calls ORDER BY request_id')).toEqual([
        { request_id: 'a', _coerce: ['ts', 'ts', 'tokens_in', 'cost_usd'] },
        { request_id: 'b', _coerce: null },
        { request_id: 'c', _coerce: ['ttft_ms'] },
      ]);
      workspace.close();
    }
  });

  it('is a clear error, not a crash, when a file is missing', async () => {
    await expect(resolveSources([join(dir, 'missing.jsonl')])).rejects.toMatchObject({ code: 'not_found', message: `no such file or folder: ${join(dir, 'missing.jsonl')}` });
  });
});
