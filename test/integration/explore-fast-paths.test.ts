import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_FILES } from '../../electron/engine/demo-files';
import { BUCKET_LADDER, bucketExpr } from '../../electron/engine/explore/time-series';
import { ingestFiles } from '../../electron/engine/ingest';
import { Workspace } from '../../electron/engine/workspace';
import { writeSmallDemo } from '../helpers/api-server';
import { tempDir } from '../helpers/temp';

describe('explore fast query paths give the results of the plain queries', () => {
  let workspace: Workspace;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const temp = await tempDir();
    cleanup = temp.cleanup;
    const demo = await writeSmallDemo(join(temp.dir, 'demo'), { days: 9, callsPerDay: 150 });
    workspace = await Workspace.open();
    await ingestFiles(workspace, Object.values(DEMO_FILES).map((name) => ({ path: join(demo, name), uri: name })));
    // Timestamps around and before time_bucket's origin and the epoch, where a truncating modulo would go wrong.
    const odd = ['1969-12-31T23:59:59.999Z', '1999-12-27T13:00:00Z', '2000-01-03T00:00:00Z', '2000-01-09T23:59:59.999999Z', '2026-11-02T00:00:00Z'];
    for (const [i, ts] of odd.entries()) await workspace.db.exec('INSERT INTO calls (request_id, ts) VALUES ($1, CAST($2 AS TIMESTAMPTZ))', [`odd-${i}`, ts]);
  });
  afterAll(async () => {
    workspace?.close();
    await cleanup?.();
  });

  it('buckets every call in epoch arithmetic exactly as time_bucket does, for every width of the ladder', async () => {
    const calls = (await workspace.db.one<{ n: number }>('SELECT count(*) AS n FROM calls WHERE ts IS NOT NULL'))!.n;
    expect(calls).toBeGreaterThan(1000);
    for (const bucket of BUCKET_LADDER) {
      const rows = await workspace.db.all<{ same: number; distinct_buckets: number }>(
        `SELECT count(*) FILTER (WHERE ${bucketExpr(bucket.ms)} = time_bucket(CAST($1 AS INTERVAL), ts)) AS same,
                count(DISTINCT ${bucketExpr(bucket.ms)}) AS distinct_buckets
         FROM calls WHERE ts IS NOT NULL`,
        [bucket.interval],
      );
      expect({ interval: bucket.interval, same: rows[0]!.same }).toEqual({ interval: bucket.interval, same: calls });
      expect(rows[0]!.distinct_buckets).toBeGreaterThan(1);
    }
  });
});
