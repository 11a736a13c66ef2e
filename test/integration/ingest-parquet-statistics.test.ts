import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFiles } from '../../electron/engine/ingest';
import { Workspace } from '../../electron/engine/workspace';
import { resolveSources } from '../../electron/sources/resolve';
import { tempDir } from '../helpers/temp';

/** Rows written two per row group, so that one group's statistics can differ from another's. */
async function writeParquet(path: string, rowsSql: string): Promise<void> {
  const workspace = await Workspace.open();
  await workspace.db.exec(`COPY (${rowsSql}) TO '${path.replaceAll("'", "''")}' (FORMAT parquet, ROW_GROUP_SIZE 2)`);
  workspace.close();
}

async function load(path: string) {
  const workspace = await Workspace.open();
  const report = await ingestFiles(workspace, await resolveSources([path]));
  const rows = await workspace.db.all(`SELECT request_id, feature, CAST(ts AS VARCHAR) AS ts FROM calls ORDER BY request_id`);
  workspace.close();
  return { report, rows };
}

describe('Parquet columns settled by the file statistics', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => ({ dir, cleanup } = await tempDir()));
  afterAll(() => cleanup());

  it('keeps filled ids as they are, turns empty text to NULL, and converts plain timestamps to the same instants as a cast', async () => {
    const path = join(dir, 'filled.parquet');
    await writeParquet(
      path,
      `SELECT * FROM (VALUES
         ('r1', 'search', TIMESTAMP '2026-03-29 02:30:00.123456'),
         ('r2', 'search', TIMESTAMP '1500-06-15 12:00:00'),
         ('r3', '', TIMESTAMP 'infinity'),
         ('r4', NULL, NULL),
         ('r5', 'billing', TIMESTAMP '-infinity')) t(request_id, feature, ts)`,
    );
    const { report, rows } = await load(path);
    expect(report.rows.calls).toBe(5);
    expect(report.errors).toEqual([]);
    expect(rows).toEqual([
      { request_id: 'r1', feature: 'search', ts: '2026-03-29 02:30:00.123456+00' },
      { request_id: 'r2', feature: 'search', ts: '1500-06-15 12:00:00+00' },
      { request_id: 'r3', feature: null, ts: 'infinity' },
      { request_id: 'r4', feature: null, ts: null },
      { request_id: 'r5', feature: 'billing', ts: '-infinity' },
    ]);
  });

  it('derives an id for an empty or missing one and reports a row without a recognized field, whichever row group holds them', async () => {
    const path = join(dir, 'gaps.parquet');
    await writeParquet(
      path,
      `SELECT * FROM (VALUES
         ('r1', 'search'),
         ('r2', 'search'),
         ('', 'billing'),
         (NULL, NULL),
         (NULL, 'search')) t(request_id, feature)`,
    );
    const { report, rows } = await load(path);
    expect(report.rows.calls).toBe(4);
    expect(report.skipped).toBe(1);
    expect(report.errors.map((e) => e.reason)).toEqual(['1 record without usable fields']);
    expect(rows.filter((r) => String(r['request_id']).startsWith('r'))).toEqual([
      { request_id: 'r1', feature: 'search', ts: null },
      { request_id: 'r2', feature: 'search', ts: null },
    ]);
    const derived = rows.filter((r) => String(r['request_id']).startsWith('auto-'));
    expect(derived.map((r) => r['feature']).sort()).toEqual(['billing', 'search']);
  });

  it('keeps NULLs and turns empty text to NULL whether or not the statistics rule out empty strings', async () => {
    const path = join(dir, 'nulls.parquet');
    // parent_span_id: NULLs, one row group all NULL, no empty string; error_class and the locale: an empty string in one row group.
    await writeParquet(
      path,
      `SELECT * FROM (VALUES
         ('r1', NULL, 'timeout', {'user_locale': 'de-DE'}),
         ('r2', 'p2', NULL, {'user_locale': NULL}),
         ('r3', NULL, '', {'user_locale': ''}),
         ('r4', NULL, NULL, NULL),
         ('r5', 'p5', 'rate_limit', {'user_locale': 'fr-FR'})) t(request_id, parent_span_id, error_class, metadata)`,
    );
    const workspace = await Workspace.open();
    const report = await ingestFiles(workspace, await resolveSources([path]));
    const rows = await workspace.db.all(`SELECT request_id, parent_span_id, error_class, locale FROM calls ORDER BY request_id`);
    workspace.close();
    expect(report.errors).toEqual([]);
    expect(rows).toEqual([
      { request_id: 'r1', parent_span_id: null, error_class: 'timeout', locale: 'de-DE' },
      { request_id: 'r2', parent_span_id: 'p2', error_class: null, locale: null },
      { request_id: 'r3', parent_span_id: null, error_class: null, locale: null },
      { request_id: 'r4', parent_span_id: null, error_class: null, locale: null },
      { request_id: 'r5', parent_span_id: 'p5', error_class: 'rate_limit', locale: 'fr-FR' },
    ]);
    expect(report.coverage['parent_span_id']).toBe(0.4);
    expect(report.coverage['error_class']).toBe(0.4);
  });
});
