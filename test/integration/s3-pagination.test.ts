import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Client } from '../../electron/sources/s3/client';
import { listObjects } from '../../electron/sources/s3/list';
import type { DownloadSummary } from '../../shared/domain/download';
import type { IngestReport } from '../../shared/domain/ingest';
import { cliJson } from '../helpers/cli';
import { s3TestEnv, startS3Server, type S3TestServer } from '../helpers/s3-server';
import { tempDir } from '../helpers/temp';

const COUNT = 10_000;

describe('an s3:// prefix with 10,000 objects', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let s3: S3TestServer;

  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir());
    Object.assign(process.env, s3TestEnv(dir));
    s3 = await startS3Server(['bulk']);
    await s3.fill('bulk', 'day/', COUNT, '{"request_id":"req-{i}","model":"gpt-4o","tokens_in":{i}}\n');
  });
  afterAll(async () => {
    await s3?.stop();
    await cleanup();
  });

  it('is listed page by page with continuation tokens, every key once', async () => {
    const client = await createS3Client({ endpoint: s3.endpoint, pathStyle: true });
    let pages = 0;
    try {
      const objects = await listObjects(client, 'bulk', 'day/', { onPage: () => pages++ });
      expect(objects).toHaveLength(COUNT);
      expect(new Set(objects.map((o) => o.key)).size).toBe(COUNT);
      expect(objects[COUNT - 1]).toMatchObject({ key: 'day/009999.jsonl', etag: expect.stringMatching(/^[0-9a-f]{32}$/) });
    } finally {
      client.destroy();
    }
    expect(pages).toBe(COUNT / 1000);
  });

  it('a glob whose matches are all on the last page finds them', async () => {
    const report = await cliJson<IngestReport & { download: DownloadSummary }>(
      'ingest', 's3://bulk/day/00999?.jsonl', '--db', join(dir, 'w.duckdb'), '--s3-endpoint', s3.endpoint, '--s3-path-style', '--cache-dir', join(dir, 'cache'),
    );
    expect(report.sources.map((s) => s.uri)).toEqual(Array.from({ length: 10 }, (_, i) => `s3://bulk/day/00999${i}.jsonl`));
    expect(report.rows.calls).toBe(10);
    expect(report.download).toMatchObject({ objects: 10, cached: 0 });
  });
});
