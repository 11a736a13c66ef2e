import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '../../electron/engine/db';
import { Workspace } from '../../electron/engine/workspace';
import { createS3Client } from '../../electron/sources/s3/client';
import { DEFAULT_DEMO, generateDemo } from '../../shared/demo/generate';
import type { DownloadSummary } from '../../shared/domain/download';
import type { IngestReport } from '../../shared/domain/ingest';
import type { SliceGroup } from '../../shared/query/slice';
import { cli, cliJson, cliProcess } from '../helpers/cli';
import { startS3Proxy } from '../helpers/s3-proxy';
import { s3TestEnv, startS3Server, TEST_CREDENTIALS, type S3TestServer } from '../helpers/s3-server';
import { tempDir, writeLines } from '../helpers/temp';

type Report = IngestReport & { download?: DownloadSummary };
type Row = Record<string, unknown>;

const jsonl = (rows: readonly Row[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';

/** Every file under a folder, relative to it, sorted. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name))).sort();
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('s3:// sources against a real S3-compatible server', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let s3: S3TestServer;
  let local: string;
  let calls: Row[];
  let many: Row[][];
  let s3Args: (cacheDir: string) => string[];

  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir());
    Object.assign(process.env, s3TestEnv(dir));
    s3 = await startS3Server(['traces']);
    s3Args = (cacheDir) => ['--s3-endpoint', s3.endpoint, '--s3-path-style', '--cache-dir', cacheDir];

    const records = [...generateDemo({ ...DEFAULT_DEMO, days: 2, callsPerDay: 300, incidents: ['agent_loop'] })];
    calls = records.filter((r) => r.kind === 'call').map((r) => r.value);
    const scores = records.filter((r) => r.kind === 'score').map((r) => r.value);
    const spans = records.filter((r) => r.kind === 'otlp').map((r) => r.value);
    const quarter = Math.floor(calls.length / 4);

    // The same dumps on disk and under s3://traces/dumps/: plain, gzip (one in a subfolder), Parquet, scores, OTLP,
    // and two files a folder skips (hidden, not a dump).
    local = join(dir, 'local');
    await mkdir(join(local, '2026'), { recursive: true });
    await writeLines(join(local, 'calls.jsonl'), calls.slice(0, quarter));
    await writeLines(join(local, 'calls-b.jsonl.gz'), calls.slice(quarter, 2 * quarter), { gzip: true });
    await writeLines(join(local, '2026', 'calls-d.jsonl.gz'), calls.slice(3 * quarter), { gzip: true });
    const db = await Db.open();
    const plainC = await writeLines(join(dir, 'c.jsonl'), calls.slice(2 * quarter, 3 * quarter));
    await db.exec(`COPY (SELECT * FROM read_json($1, format = 'newline_delimited')) TO '${join(local, 'calls-c.parquet')}' (FORMAT parquet)`, [plainC]);
    db.close();
    await writeLines(join(local, 'scores.jsonl'), scores);
    await writeLines(join(local, 'otel-spans.jsonl'), spans);
    await writeLines(join(local, '.hidden.jsonl'), calls.slice(0, 5));
    await writeLines(join(local, 'README.txt'), ['not a dump']);
    for (const name of await filesUnder(local)) await s3.put('traces', `dumps/${name}`, await readFile(join(local, name)));

    // 150 small objects under one prefix: 140 gzipped, 10 plain.
    many = Array.from({ length: 150 }, (_, i) => calls.slice(i * 3, i * 3 + 3));
    await s3.putAll('traces', many.map((rows, i) => ({ key: `many/part-${String(i).padStart(3, '0')}.jsonl${i < 140 ? '.gz' : ''}`, body: i < 140 ? gzipSync(jsonl(rows)) : jsonl(rows) })));

    await s3.put('traces', 'bad/broken.jsonl', [JSON.stringify(calls[0]), JSON.stringify(calls[1]), JSON.stringify(calls[2]), '{"request_id": broken', JSON.stringify(calls[3])].join('\n') + '\n');
    await s3.put('traces', 'odd/notes.jsonl', jsonl([{ foo: 1 }, { bar: 2 }]));
    await s3.put('traces', 'secret/private.jsonl', jsonl(calls.slice(0, 3)));
  });
  afterAll(async () => {
    await s3?.stop();
    await cleanup();
  });

  it('a prefix gives the same rows as the same files on disk, plain, .gz, Parquet, scores and OTLP, with s3:// as every source_uri', async () => {
    const fromDisk = await cliJson<Report>('ingest', local, '--db', join(dir, 'disk.duckdb'));
    const db = join(dir, 's3.duckdb');
    const fromS3 = await cliJson<Report>('ingest', 's3://traces/dumps/', '--db', db, ...s3Args(join(dir, 'cache-dumps')));
    expect(fromS3.rows).toEqual(fromDisk.rows);
    expect(fromS3.rows.calls).toBe(calls.length);
    expect(fromS3.sources.map((s) => [s.uri, s.format, s.rows])).toEqual(
      fromDisk.sources.map((s) => [`s3://traces/dumps/${relative(local, s.uri)}`, s.format, s.rows]),
    );
    expect(fromS3.sources.map((s) => s.format).sort()).toEqual(['canonical', 'canonical', 'canonical', 'canonical-parquet', 'otlp', 'scores']);
    expect(fromS3.download).toEqual({ objects: 6, bytes: fromS3.sources.reduce((sum, s) => sum + s.bytes, 0), cached: 0 });

    const workspace = await Workspace.open({ path: db, readOnly: true });
    try {
      const uris = await workspace.db.all<{ uri: string }>(
        `SELECT DISTINCT source_uri AS uri FROM (SELECT source_uri FROM calls UNION ALL SELECT source_uri FROM scores UNION ALL SELECT source_uri FROM spans) ORDER BY 1`,
      );
      expect(uris.map((u) => u.uri)).toEqual(['s3://traces/dumps/2026/calls-d.jsonl.gz', 's3://traces/dumps/calls-b.jsonl.gz', 's3://traces/dumps/calls-c.parquet', 's3://traces/dumps/calls.jsonl', 's3://traces/dumps/otel-spans.jsonl', 's3://traces/dumps/scores.jsonl']);
    } finally {
      workspace.close();
    }
  });

  it('a 150-object prefix downloads several at a time; the second open downloads 0 bytes; a changed object is downloaded again', async () => {
    const cache = join(dir, 'cache-many');
    const db = join(dir, 'many.duckdb');
    // Through a recording proxy: which objects were fetched, and how many at once.
    const proxy = await startS3Proxy(s3.port, {});
    const args = ['--db', db, '--s3-endpoint', proxy.endpoint, '--s3-path-style', '--cache-dir', cache];
    try {
      const first = await cliJson<Report>('ingest', 's3://traces/many/', ...args);
      expect(first.rows.calls).toBe(450);
      expect(first.sources).toHaveLength(150);
      expect(first.download).toMatchObject({ objects: 150, cached: 0 });
      expect(first.download!.bytes).toBe(first.sources.reduce((sum, s) => sum + s.bytes, 0));
      expect(proxy.gets.size).toBe(150);
      expect(proxy.maxConcurrentGets()).toBeGreaterThan(1);
      expect(proxy.maxConcurrentGets()).toBeLessThanOrEqual(8);
      // In the cache folder's own s3 folder, one folder per bucket: no bucket name meets the demo dataset's folder.
      expect((await filesUnder(cache)).every((f) => f.startsWith(join('s3', 'traces') + sep))).toBe(true);
      expect(await filesUnder(cache)).toHaveLength(150);

      proxy.gets.clear();
      const second = await cliJson<Report>('ingest', 's3://traces/many/', ...args);
      expect(second.download).toEqual({ objects: 150, bytes: 0, cached: 150 });
      expect(second.rows).toEqual(first.rows);
      expect(proxy.gets.size).toBe(0);

      const changed = jsonl(calls.slice(500, 510));
      await s3.put('traces', 'many/part-149.jsonl', changed);
      const third = await cliJson<Report>('ingest', 's3://traces/many/part-14?.jsonl', ...args);
      expect(third.download).toEqual({ objects: 10, bytes: Buffer.byteLength(changed), cached: 9 });
      expect([...proxy.gets.keys()]).toEqual(['traces/many/part-149.jsonl']);
      expect(third.sources.find((s) => s.uri === 's3://traces/many/part-149.jsonl')?.rows).toBe(10);
      // The old version of the object is gone from the cache: still one file per object.
      expect(await filesUnder(cache)).toHaveLength(150);
    } finally {
      await proxy.stop();
    }
  });

  it('a glob selects matching keys only, and a single key is one object', async () => {
    const cache = join(dir, 'cache-glob');
    const glob = await cliJson<Report>('ingest', 's3://traces/dumps/*.jsonl.gz', '--db', join(dir, 'glob.duckdb'), ...s3Args(cache));
    expect(glob.sources.map((s) => s.uri)).toEqual(['s3://traces/dumps/calls-b.jsonl.gz']);
    const deep = await cliJson<Report>('ingest', 's3://traces/dumps/**/*.jsonl.gz', '--db', join(dir, 'glob.duckdb'), ...s3Args(cache));
    expect(deep.sources.map((s) => s.uri)).toEqual(['s3://traces/dumps/2026/calls-d.jsonl.gz', 's3://traces/dumps/calls-b.jsonl.gz']);
    expect(deep.download).toMatchObject({ objects: 2, cached: 1 });

    const one = await cliJson<Report>('ingest', 's3://traces/dumps/calls-b.jsonl.gz', '--db', join(dir, 'one.duckdb'), ...s3Args(cache));
    expect(one.sources.map((s) => s.uri)).toEqual(['s3://traces/dumps/calls-b.jsonl.gz']);
    // Without the trailing slash a name that is no object is read as a folder, as a local path would be.
    const folder = await cliJson<Report>('ingest', 's3://traces/dumps', '--db', join(dir, 'folder.duckdb'), ...s3Args(cache));
    expect(folder.sources).toHaveLength(6);
  });

  it('reports malformed lines and an unrecognized object by s3:// URI and line, and loads the rest', async () => {
    const report = await cliJson<Report>('ingest', 's3://traces/bad/broken.jsonl', 's3://traces/odd/', '--db', join(dir, 'bad.duckdb'), ...s3Args(join(dir, 'cache-bad')));
    expect(report.rows.calls).toBe(4);
    expect(report.skipped).toBe(1);
    expect(report.errors[0]).toEqual({ source: 's3://traces/bad/broken.jsonl', line: 4, reason: 'invalid JSON' });
    expect(report.errors[1]).toMatchObject({ source: 's3://traces/odd/notes.jsonl', line: null, reason: expect.stringMatching(/^not loaded: /) });
    expect(report.sources.map((s) => [s.uri, s.format])).toEqual([['s3://traces/bad/broken.jsonl', 'canonical'], ['s3://traces/odd/notes.jsonl', 'unknown']]);

    const text = await cli('ingest', 's3://traces/bad/broken.jsonl', '--db', join(dir, 'bad2.duckdb'), ...s3Args(join(dir, 'cache-bad')));
    expect(text.stdout).toContain('s3://traces/bad/broken.jsonl:4: invalid JSON');
  });

  it('slice reads s3:// sources like local ones', async () => {
    const cache = join(dir, 'cache-slice');
    const fromS3 = await cliJson<{ groups: SliceGroup[] }>('slice', 's3://traces/dumps/calls-b.jsonl.gz', '--by', 'feature', ...s3Args(cache));
    const fromDisk = await cliJson<{ groups: SliceGroup[] }>('slice', join(local, 'calls-b.jsonl.gz'), '--by', 'feature');
    expect(fromS3.groups).toEqual(fromDisk.groups);
  });

  it('says which bucket and key when access is denied, and which key or bucket does not exist', async () => {
    const proxy = await startS3Proxy(s3.port, { deny: (path, _method, prefix) => path.startsWith('traces/secret/') || prefix.startsWith('secret/') });
    const args = ['--db', join(dir, 'denied.duckdb'), '--s3-endpoint', proxy.endpoint, '--s3-path-style', '--cache-dir', join(dir, 'cache-denied')];
    try {
      const key = await cli('ingest', 's3://traces/secret/private.jsonl', ...args);
      expect(key.code).toBe(2);
      expect(key.stderr).toBe('tracelens ingest: access denied to s3://traces/secret/private.jsonl (bucket traces, key secret/private.jsonl): the credentials in use are not allowed to read this object\n');
      const listing = await cli('ingest', 's3://traces/secret/', ...args);
      expect(listing.code).toBe(2);
      expect(listing.stderr).toBe('tracelens ingest: access denied listing s3://traces/secret/ (bucket traces): the credentials in use are not allowed to list this bucket\n');
      // Readable objects through the same proxy still load.
      expect((await cli('ingest', 's3://traces/dumps/calls.jsonl', ...args)).code).toBe(0);
    } finally {
      await proxy.stop();
    }

    const missingKey = await cli('ingest', 's3://traces/dumps/nope.jsonl', '--db', join(dir, 'missing.duckdb'), ...s3Args(join(dir, 'cache-missing')));
    expect(missingKey.code).toBe(2);
    expect(missingKey.stderr).toBe('tracelens ingest: no such key: s3://traces/dumps/nope.jsonl (bucket traces, key dumps/nope.jsonl)\n');
    const missingBucket = await cli('ingest', 's3://no-such-bucket/x/', '--db', join(dir, 'missing.duckdb'), ...s3Args(join(dir, 'cache-missing')));
    expect(missingBucket.stderr).toBe('tracelens ingest: no such bucket: no-such-bucket (in s3://no-such-bucket/x/)\n');
    const missingBucketKey = await cli('ingest', 's3://no-such-bucket/x.jsonl', '--db', join(dir, 'missing.duckdb'), ...s3Args(join(dir, 'cache-missing')));
    expect(missingBucketKey.stderr).toBe('tracelens ingest: no such bucket: no-such-bucket (in s3://no-such-bucket/x.jsonl)\n');
    const emptyPrefix = await cli('ingest', 's3://traces/nothing/', '--db', join(dir, 'missing.duckdb'), ...s3Args(join(dir, 'cache-missing')));
    expect(emptyPrefix.stderr).toMatch(/^tracelens ingest: no trace dumps under s3:\/\/traces\/nothing\/ \(.*\)\n$/);
    const noMatch = await cli('slice', 's3://traces/many/*.parquet', '--by', 'feature', ...s3Args(join(dir, 'cache-missing')));
    expect(noMatch.stderr).toBe('tracelens slice: no object matches s3://traces/many/*.parquet\n');
  });

  it('a download cut off midway is retried and never leaves a file that looks complete', async () => {
    const proxy = await startS3Proxy(s3.port, { cut: (path, method) => method === 'GET' && path === 'traces/dumps/calls.jsonl' });
    const cache = join(dir, 'cache-cut');
    try {
      const result = await cli('ingest', 's3://traces/dumps/', '--db', join(dir, 'cut.duckdb'), '--s3-endpoint', proxy.endpoint, '--s3-path-style', '--cache-dir', cache);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^tracelens ingest: the download of s3:\/\/traces\/dumps\/calls\.jsonl was cut off after \d+ of \d+ bytes \(.+\) 3 times; nothing of it was kept, try again\n$/);
      expect(proxy.gets.get('traces/dumps/calls.jsonl')).toBe(3);
      const left = await filesUnder(cache);
      expect(left.filter((f) => f.endsWith('.part'))).toEqual([]);
      expect(left.filter((f) => f.endsWith('-calls.jsonl'))).toEqual([]);
    } finally {
      await proxy.stop();
    }
    // Once the connection holds, the object loads and the others come from the cache.
    const retry = await cliJson<Report>('ingest', 's3://traces/dumps/', '--db', join(dir, 'cut.duckdb'), ...s3Args(cache));
    expect(retry.rows.calls).toBe(calls.length);
    expect(retry.download!.cached).toBeLessThanOrEqual(4);
  });

  it('takes credentials and region from a profile in the shared files (AWS_PROFILE)', async () => {
    const aws = join(dir, 'aws');
    await mkdir(aws);
    await writeFile(join(aws, 'credentials'), `[tracelens-test]\naws_access_key_id = ${TEST_CREDENTIALS.accessKeyId}\naws_secret_access_key = ${TEST_CREDENTIALS.secretAccessKey}\n`);
    await writeFile(join(aws, 'config'), '[profile tracelens-test]\nregion = eu-central-1\n');
    const saved = { ...process.env };
    for (const name of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_REGION']) delete process.env[name];
    Object.assign(process.env, { AWS_PROFILE: 'tracelens-test', AWS_SHARED_CREDENTIALS_FILE: join(aws, 'credentials'), AWS_CONFIG_FILE: join(aws, 'config') });
    try {
      const client = await createS3Client({ endpoint: s3.endpoint });
      expect(await client.config.region()).toBe('eu-central-1');
      client.destroy();
      const report = await cliJson<Report>('ingest', 's3://traces/dumps/calls.jsonl', '--db', join(dir, 'profile.duckdb'), ...s3Args(join(dir, 'cache-profile')));
      expect(report.download).toMatchObject({ objects: 1, cached: 0 });
      process.env['AWS_PROFILE'] = 'no-such-profile';
      const missing = await cli('ingest', 's3://traces/dumps/calls.jsonl', '--db', join(dir, 'profile.duckdb'), ...s3Args(join(dir, 'cache-profile-2')));
      expect(missing.stderr).toMatch(/^tracelens ingest: no AWS credentials found to read s3:\/\/traces\/dumps\/calls.jsonl: /);
    } finally {
      for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
      Object.assign(process.env, saved);
    }
  });

  it('an unreachable endpoint is one line naming it', async () => {
    const endpoint = `http://127.0.0.1:${await closedPort()}`;
    const result = await cli('ingest', 's3://traces/dumps/', '--db', join(dir, 'down.duckdb'), '--s3-endpoint', endpoint, '--cache-dir', join(dir, 'cache-down'));
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`tracelens ingest: cannot reach the S3 endpoint ${endpoint}: connection refused (ECONNREFUSED) while reading s3://traces/dumps/\n`);
    const bad = await cli('ingest', 's3://traces/dumps/', '--db', join(dir, 'down.duckdb'), '--s3-endpoint', 'localhost:9000');
    expect(bad.stderr).toBe('tracelens ingest: the S3 endpoint must be an http:// or https:// URL, like http://127.0.0.1:9000 (got "localhost:9000")\n');
  });

  it('the real command: no credentials is one line, and the secret key never appears in output, workspace or cache', () => {
    const cache = join(dir, 'cache-process');
    const db = join(dir, 'process.duckdb');
    const env = { ...s3TestEnv(dir), AWS_PROFILE: '', AWS_ENDPOINT_URL: s3.endpoint };
    // Endpoint from AWS_ENDPOINT_URL; 127.0.0.1 implies path style.
    const loaded = cliProcess(['ingest', 's3://traces/dumps/', 's3://traces/bad/', 's3://traces/odd/', '--db', db, '--cache-dir', cache], { env });
    expect(loaded.code).toBe(0);
    expect(loaded.stdout).toContain('s3://traces/bad/broken.jsonl:4: invalid JSON');
    expect(loaded.stdout).toMatch(/S3: 8 object\(s\); 8 downloaded \(.+\), 0 unchanged in the cache/);

    const noCredentials = cliProcess(['ingest', 's3://traces/dumps/', '--db', join(dir, 'none.duckdb'), '--cache-dir', cache], {
      env: { ...env, AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '' },
    });
    expect(noCredentials.code).toBe(2);
    expect(noCredentials.stderr).toBe(
      'tracelens ingest: no AWS credentials found to read s3://traces/dumps/: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, pick a profile with AWS_PROFILE, or run `aws sso login`\n',
    );

    const texts = [loaded, noCredentials].flatMap((r) => [r.stdout, r.stderr]);
    for (const text of texts) expect(text).not.toContain(TEST_CREDENTIALS.secretAccessKey);
    return (async () => {
      expect((await readFile(db)).includes(TEST_CREDENTIALS.secretAccessKey)).toBe(false);
      for (const file of await filesUnder(cache)) expect((await readFile(join(cache, file))).includes(TEST_CREDENTIALS.secretAccessKey)).toBe(false);
    })();
  });
});
