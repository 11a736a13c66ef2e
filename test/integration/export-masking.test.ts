import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiServer, startApiServer } from '../helpers/api-server';
import { writeLines } from '../helpers/temp';
import { value } from '../helpers/result';


const CARD = '4111 1111 1111 1111';
const EMAIL = 'dana.reyes@example.org';
const SSN = '536-22-8174';

/** Calls with PII planted in every kind of text column, and a clean one. */
const CALLS = [
  {
    request_id: 'leaky-1',
    trace_id: 'trace-1',
    ts: '2026-11-04T10:00:00Z',
    feature: 'billing_bot',
    model: 'gpt-4o',
    input_preview: `charge card ${CARD} please`,
    output_preview: `I emailed ${EMAIL} the receipt`,
    tool_calls: [{ name: 'charge', args: JSON.stringify({ card: CARD }), latency_ms: 120 }],
    retrieval_ids: ['kb-7', `notes/ssn ${SSN}`],
  },
  { request_id: 'clean-2', trace_id: 'trace-2', ts: '2026-11-04T10:01:00Z', feature: 'billing_bot', model: 'gpt-4o', input_preview: 'what is my balance', output_preview: 'It is $12.', tool_calls: [{ name: 'balance', args: '{}', latency_ms: 40 }] },
];

const COLUMNS = ['request_id', 'trace_id', 'input_preview', 'output_preview', 'tool_calls', 'retrieval_ids'] as const;

describe('calls export masks PII as gold files do', () => {
  let s: ApiServer;

  beforeAll(async () => {
    s = await startApiServer();
    const dump = await writeLines(join(s.dir, 'leaky.jsonl'), CALLS);
    value(await s.api.openSources({ sources: [dump] }));
  });
  afterAll(() => s?.close());

  it('masks every text column of JSONL, keeping ids, types and the clean call as they are', async () => {
    const out = value(await s.api.exportCalls({ format: 'jsonl', columns: [...COLUMNS], sort: [{ column: 'ts', desc: false }], path: join(s.dir, 'masked.jsonl') }));
    expect(out).toMatchObject({ rows: 2, masked: true });
    const text = await readFile(out.path, 'utf8');
    for (const secret of [CARD, EMAIL, SSN, '4111111111111111']) expect(text).not.toContain(secret);
    const [leaky, clean] = text.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(leaky).toMatchObject({
      request_id: 'leaky-1',
      trace_id: 'trace-1',
      input_preview: 'charge card [PAN] please',
      output_preview: 'I emailed [EMAIL] the receipt',
      retrieval_ids: ['kb-7', 'notes/ssn [SSN]'],
    });
    // Tool arguments are stored as JSON text; the masked export keeps that form, only the card replaced.
    const raw = value(await s.api.exportCalls({ format: 'jsonl', columns: ['tool_calls'], sort: [{ column: 'ts', desc: false }], path: join(s.dir, 'raw.jsonl'), maskPii: false }));
    const rawCalls = (JSON.parse((await readFile(raw.path, 'utf8')).split('\n')[0]!) as { tool_calls: { args: string }[] }).tool_calls;
    expect(rawCalls[0]!.args).toContain(CARD);
    expect(leaky!['tool_calls']).toEqual([{ ...rawCalls[0], args: rawCalls[0]!.args.replace(CARD, '[PAN]') }]);
    expect(clean).toMatchObject({ request_id: 'clean-2', input_preview: 'what is my balance', tool_calls: [{ name: 'balance', latency_ms: 40 }] });
  });

  it('masks CSV the same way and writes the text as logged only when asked', async () => {
    const csv = value(await s.api.exportCalls({ format: 'csv', columns: ['request_id', 'input_preview', 'output_preview'], path: join(s.dir, 'masked.csv') }));
    const masked = await readFile(csv.path, 'utf8');
    expect(masked).toContain('charge card [PAN] please');
    expect(masked).not.toContain(CARD);
    const raw = value(await s.api.exportCalls({ format: 'csv', columns: ['request_id', 'input_preview', 'output_preview'], path: join(s.dir, 'raw.csv'), maskPii: false }));
    expect(raw.masked).toBe(false);
    const text = await readFile(raw.path, 'utf8');
    expect(text).toContain(CARD);
    expect(text).toContain(EMAIL);
  });

  it('keeps the slice and the sort when masking', async () => {
    const out = value(await s.api.exportCalls({ format: 'jsonl', columns: ['request_id', 'input_preview'], filter: { where: { feature: ['billing_bot'] } }, sort: [{ column: 'ts', desc: true }], path: join(s.dir, 'sorted.jsonl') }));
    const ids = (await readFile(out.path, 'utf8')).trim().split('\n').map((l) => (JSON.parse(l) as { request_id: string }).request_id);
    expect(ids).toEqual(['clean-2', 'leaky-1']);
  });
});
