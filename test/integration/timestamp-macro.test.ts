import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workspace } from '../../electron/engine/workspace';
import { sqlString } from '../../shared/query/sql';

describe('tl_ts: a timestamp from ISO 8601 text or an epoch number given as text', () => {
  let workspace: Workspace;
  beforeAll(async () => (workspace = await Workspace.open()));
  afterAll(() => workspace.close());

  it('reads text with a time of day as ISO 8601, numbers as epochs by their magnitude, and anything else as NULL', async () => {
    const cases: [string | null, string | null][] = [
      ['2026-10-05T12:00:39.639Z', '2026-10-05 12:00:39.639+00'],
      ['2026-10-05 14:00:00+02:00', '2026-10-05 12:00:00+00'],
      ['2026-10-05T12:00:00', '2026-10-05 12:00:00+00'],
      ['2026-10-05', '2026-10-05 00:00:00+00'],
      ['1790000000', '2026-09-21 14:13:20+00'],
      [' 1790000000 ', '2026-09-21 14:13:20+00'],
      ['1790000000123', '2026-09-21 14:13:20.123+00'],
      ['1790000000123456', '2026-09-21 14:13:20.123456+00'],
      ['1790000000123456000', '2026-09-21 14:13:20.123456+00'],
      ['12:30', null],
      ['1:2', null],
      ['not a time', null],
      ['', null],
      [null, null],
    ];
    const values = cases.map(([v], i) => `(${i}, CAST(${v === null ? 'NULL' : sqlString(v)} AS VARCHAR))`).join(', ');
    const rows = await workspace.db.all<{ v: string | null; ts: string | null }>(`SELECT v, CAST(tl_ts(v) AS VARCHAR) AS ts FROM (VALUES ${values}) t(i, v) ORDER BY i`);
    expect(rows.map((r) => [r.v, r.ts])).toEqual(cases);
  });
});
