import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DEMO, generateDemo } from '../../shared/demo/generate';
import type { IngestReport } from '../../shared/domain/ingest';
import type { SliceGroup } from '../../shared/query/slice';
import { cli, cliJson, cliProcess } from '../helpers/cli';
import { tempDir, writeLines } from '../helpers/temp';

type Call = Record<string, unknown>;

describe('tracelens ingest and slice', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let calls: Call[];
  let dump: string;
  let db: string;

  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir());
    calls = [...generateDemo({ ...DEFAULT_DEMO, days: 3, callsPerDay: 400, incidents: ['refusal_spike'] })].filter((r) => r.kind === 'call').map((r) => r.value);
    dump = await writeLines(join(dir, 'calls.jsonl'), [...calls.map((c) => JSON.stringify(c)), '{"broken":'].slice(0));
    db = join(dir, 'w.duckdb');
  });
  afterAll(() => cleanup());

  it('ingest --json prints exactly one object in the documented shape', async () => {
    const result = await cli('ingest', dump, '--db', db, '--json');
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const report = JSON.parse(lines[0]!) as IngestReport;
    expect(Object.keys(report)).toEqual(['rows', 'skipped', 'errors', 'sources', 'warnings', 'coverage']);
    expect(report.rows).toEqual({ calls: calls.length, scores: 0, spans: 0 });
    expect(report.skipped).toBe(1);
    expect(report.errors).toEqual([{ source: dump, line: calls.length + 1, reason: 'invalid JSON' }]);
    expect(report.sources).toEqual([{ uri: dump, format: 'canonical', rows: calls.length, skipped: 1, bytes: expect.any(Number) }]);
    expect(report.coverage['ttft_ms']).toBeGreaterThan(0.99);
  });

  it('slice --json groups a workspace file, sorted by requests, with the documented fields', async () => {
    const { groups } = await cliJson<{ groups: SliceGroup[] }>('slice', db, '--by', 'feature,provider');
    const expectedKeys = ['feature', 'provider', 'requests', 'errors', 'error_rate', 'ttft_p50_ms', 'ttft_p95_ms', 'total_p50_ms', 'total_p95_ms', 'decode_p95_ms', 'tokens_in', 'tokens_out', 'cost_usd', 'cost_per_request_p50', 'cost_per_request_p99', 'block_rate'];
    expect(Object.keys(groups[0]!)).toEqual(expectedKeys);
    expect(groups.map((g) => g.requests)).toEqual([...groups.map((g) => g.requests)].sort((a, b) => b - a));
    expect(groups.reduce((s, g) => s + g.requests, 0)).toBe(calls.length);

    const summarizer = calls.filter((c) => c['feature'] === 'ticket_summarizer');
    const group = groups.find((g) => g['feature'] === 'ticket_summarizer')!;
    const blocked = summarizer.filter((c) => (c['guardrail_decisions'] as { action: string }[]).some((d) => d.action === 'block')).length;
    expect(group.block_rate).toBeCloseTo(blocked / summarizer.length, 10);
    expect(group.tokens_in).toBe(summarizer.reduce((s, c) => s + Number(c['tokens_in']), 0));
    expect(group.errors).toBe(summarizer.filter((c) => c['error_class']).length);
  });

  it('computes continuous percentiles', async () => {
    const { groups } = await cliJson<{ groups: SliceGroup[] }>('slice', db, '--by', 'feature', '--where', 'feature=billing_bot');
    const values = calls.filter((c) => c['feature'] === 'billing_bot').map((c) => (c['latency_ms'] as { ttft: number | null }).ttft).filter((v): v is number => v !== null).sort((a, b) => a - b);
    const rank = 0.95 * (values.length - 1);
    const expected = values[Math.floor(rank)]! + (values[Math.ceil(rank)]! - values[Math.floor(rank)]!) * (rank - Math.floor(rank));
    expect(groups).toHaveLength(1);
    expect(groups[0]!.ttft_p95_ms).toBeCloseTo(expected, 6);
  });

  it('filters with --where (values bound, split at the first =) and a time range, on raw dumps too', async () => {
    const tenant = String(calls[0]!['tenant_id']);
    const since = '2026-11-03T00:00:00Z';
    const { groups } = await cliJson<{ groups: SliceGroup[] }>('slice', dump, '--by', 'tenant_id', '--where', `tenant_id=${tenant}`, '--since', since);
    const expected = calls.filter((c) => c['tenant_id'] === tenant && Date.parse(String(c['ts'])) >= Date.parse(since)).length;
    expect(groups).toEqual([expect.objectContaining({ tenant_id: tenant, requests: expected })]);
    for (const same of ['2026-11-03T00:00Z', '2026-11-03 00:00', '2026-11-03', '2026-11-03T02:00:00+02:00']) {
      const other = await cliJson<{ groups: SliceGroup[] }>('slice', dump, '--by', 'tenant_id', '--where', `tenant_id=${tenant}`, '--since', same);
      expect(other.groups, same).toEqual(groups);
    }
    const none = await cliJson<{ groups: SliceGroup[] }>('slice', db, '--by', 'feature', '--where', "feature=x' OR '1'='1");
    expect(none.groups).toEqual([]);
  });

  it('ingest without --json lists files it could not load apart from skipped lines', async () => {
    const other = join(dir, 'mixed');
    await mkdir(other);
    const notes = await writeLines(join(other, 'notes.jsonl'), [{ note: 'hello' }]);
    const bad = await writeLines(join(other, 'calls.jsonl'), [calls[0]!, '{"broken":', calls[1]!]);
    const result = await cli('ingest', other, '--db', join(dir, 'mixed.duckdb'));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`\n1 file(s) not loaded:\n  ${notes}: not loaded: `);
    expect(result.stdout).toContain(`\n1 line(s) skipped:\n  ${bad}:2: invalid JSON\n`);
    const onlyFile = await cli('ingest', notes, '--db', join(dir, 'notes.duckdb'));
    expect(onlyFile.stdout).not.toContain('line(s) skipped');
  });

  it('prints an aligned table without --json', async () => {
    const result = await cli('slice', db, '--by', 'provider');
    expect(result.code).toBe(0);
    const [header, rule, ...rows] = result.stdout.trim().split('\n');
    expect(header).toMatch(/^provider\s+requests\s+errors/);
    expect(rule).toMatch(/^-+\s+-+/);
    expect(rows).toHaveLength(2);
  });

  it.each([
    [['slice', 'x.duckdb', '--by', 'nope'], /unknown column "nope" in --by/],
    [['slice', 'x.duckdb', '--by', 'feature', '--where', 'bogus=1'], /unknown column "bogus" in --where/],
    [['slice', 'x.duckdb', '--by', 'feature', '--where', 'novalue'], /--where takes COL=VALUE/],
    [['slice', 'x.duckdb', '--since', 'yesterday'], /--since must be an ISO 8601 time/],
    [['slice', 'x.duckdb', '--where', 'attempt=first'], /--where attempt takes a number \(got "first"\)/],
    [['slice', 'x.duckdb', '--where', 'attempt=1.5'], /--where attempt takes a whole number \(got "1.5"\)/],
    [['queues', '--db', 'x.duckdb', '--where', 'temperature=hot'], /--where temperature takes a number \(got "hot"\)/],
    [['slice', 'x.duckdb', '--since', '1'], /--since must be an ISO 8601 time/],
    [['slice', 'x.duckdb', '--until', 'Nov 4 2026'], /--until must be an ISO 8601 time/],
    [['drift', 'x.duckdb', '--as-of', '2026-02-30'], /--as-of must be an ISO 8601 time/],
    [['ingest', 'a.jsonl'], /--db is required/],
    [['ingest', '--db', 'w.duckdb', '/no/such/file.jsonl'], /no such file or folder: \/no\/such\/file.jsonl/],
    [['slice', '--bogus'], /Unknown option '--bogus'/],
    [['nope'], /unknown command "nope"/],
  ])('exits 2 with a one-line message: %j', async (args, message) => {
    const result = await cli(...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('runs as a real process with the documented exit codes', () => {
    const ok = cliProcess(['slice', db, '--by', 'feature', '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).groups.length).toBe(4);
    const bad = cliProcess(['slice', join(dir, 'missing.jsonl'), '--by', 'feature']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toBe(`tracelens slice: no such file or folder: ${join(dir, 'missing.jsonl')}`);
  });

  it('tells a second writer that the workspace is open elsewhere', async () => {
    const holder = cliProcess(['ingest', dump, '--db', db, '--json']);
    expect(holder.code).toBe(0);
    const { Workspace } = await import('../../electron/engine/workspace');
    const open = await Workspace.open({ path: db });
    const second = cliProcess(['ingest', dump, '--db', db]);
    open.close();
    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(/is open in another TraceLens process/);
  });
});
