import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaCoverage } from '../../electron/engine/coverage';
import { ingestFiles } from '../../electron/engine/ingest';
import { Workspace } from '../../electron/engine/workspace';
import { resolveSources } from '../../electron/sources/resolve';
import { CALL_COLUMNS } from '../../shared/domain/call-columns';
import { sqlIdent } from '../../shared/query/sql';
import { tempDir, writeLines } from '../helpers/temp';

/** The share of calls with a value in each column, counted over every row. */
async function countedCoverage(workspace: Workspace): Promise<Record<string, number>> {
  const lists = ['text_list', 'tool_calls', 'guardrails', 'float_list'];
  const row = await workspace.db.one(
    `SELECT ${CALL_COLUMNS.map((c) => `coalesce(avg(CASE WHEN ${lists.includes(c.kind) ? `len(${sqlIdent(c.name)}) > 0` : `${sqlIdent(c.name)} IS NOT NULL`} THEN 1.0 ELSE 0.0 END), 0) AS ${sqlIdent(c.name)}`).join(', ')} FROM calls`,
  );
  return Object.fromEntries(CALL_COLUMNS.map((c) => [c.name, Math.round(Number(row?.[c.name]) * 10000) / 10000]));
}

describe('schema coverage', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => ({ dir, cleanup } = await tempDir()));
  afterAll(() => cleanup());

  it('is the counted share of every column, before a load, after it, and after a source is replaced', async () => {
    const workspace = await Workspace.open();
    const empty = await schemaCoverage(workspace.db);
    expect(Object.values(empty).every((v) => v === 0)).toBe(true);
    expect(empty).toEqual(await countedCoverage(workspace));

    const file = join(dir, 'calls.jsonl');
    await writeLines(file, [
      { request_id: 'a', model: 'm', error_class: 'timeout', tool_calls: [{ name: 't' }], input_preview: 'hi' },
      { request_id: 'b', model: 'm', tool_calls: [], input_preview: 'there' },
      { request_id: 'c', model: 'm', input_preview: 'you' },
    ]);
    const report = await ingestFiles(workspace, await resolveSources([file]));
    expect(report.coverage).toEqual(await countedCoverage(workspace));
    expect(report.coverage).toMatchObject({ request_id: 1, model_requested: 1, input_preview: 1, error_class: 0.3333, tool_calls: 0.3333, output_preview: 0 });

    // Loading the source again deletes its rows first: statistics keep the old values, the shares must not.
    await writeLines(file, [{ request_id: 'd', error_class: 'rate_limit' }, { request_id: 'e', input_preview: 'x' }]);
    const again = await ingestFiles(workspace, await resolveSources([file]));
    expect(again.coverage).toEqual(await countedCoverage(workspace));
    expect(again.coverage).toMatchObject({ request_id: 1, error_class: 0.5, input_preview: 0.5, model_requested: 0 });
    await workspace.close();
  });
});
