import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFiles } from '../../electron/engine/ingest';
import { Workspace } from '../../electron/engine/workspace';
import { resolveSources } from '../../electron/sources/resolve';
import { tempDir, writeLines } from '../helpers/temp';

const CALLS = [
  { request_id: 'p1', model: 'm', tool_calls: [{ tool: 'search', arguments: '{"q":"x"}', latency_ms: 12 }, { tool: 'fetch', arguments: null, latency_ms: 3 }], guardrail_decisions: [{ rail: 'input', decision: 'block', dimension: 'pii' }] },
  { request_id: 'p2', model: 'm', tool_calls: [], guardrail_decisions: [] },
  { request_id: 'p3', model: 'm', tool_calls: null, guardrail_decisions: null },
];

const LISTS = 'SELECT request_id, CAST(tool_calls AS VARCHAR) AS tools, CAST(guardrail_decisions AS VARCHAR) AS rails FROM calls ORDER BY request_id';

async function lists(path: string) {
  const workspace = await Workspace.open();
  await ingestFiles(workspace, await resolveSources([path]));
  const rows = await workspace.db.all(LISTS);
  workspace.close();
  return rows;
}

describe('Parquet lists of structs', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => ({ dir, cleanup } = await tempDir()));
  afterAll(() => cleanup());

  it('maps tool calls and guardrail decisions (alias field names) as the JSONL loader does', async () => {
    const jsonl = await writeLines(join(dir, 'calls.jsonl'), CALLS);
    const parquet = join(dir, 'calls.parquet');
    const workspace = await Workspace.open();
    await workspace.db.exec(`COPY (SELECT * FROM read_json($1, format = 'newline_delimited')) TO '${parquet.replaceAll("'", "''")}' (FORMAT parquet)`, [jsonl]);
    const types = await workspace.db.all<{ column_name: string; column_type: string }>('DESCRIBE SELECT * FROM read_parquet($1)', [parquet]);
    workspace.close();
    expect(types.find((t) => t.column_name === 'tool_calls')?.column_type).toMatch(/^STRUCT\(.*\)\[\]$/);
    const fromParquet = await lists(parquet);
    expect(fromParquet).toEqual(await lists(jsonl));
    const check = await Workspace.open();
    await ingestFiles(check, await resolveSources([parquet]));
    const first = await check.db.one(
      `SELECT tool_calls[1].name AS name, tool_calls[1].args AS args, tool_calls[1].latency_ms AS latency, len(tool_calls) AS tools,
              guardrail_decisions[1].stage AS stage, guardrail_decisions[1].action AS action FROM calls WHERE request_id = 'p1'`,
    );
    check.close();
    expect(first).toMatchObject({ name: 'search', latency: 12, tools: 2, stage: 'input', action: 'block' });
    expect(JSON.parse(String(first!['args']))).toBe('{"q":"x"}');
  });
});
