import { describe, expect, it } from 'vitest';
import { buildGoldRow, type GoldCall, type Masking, mergeGold, parseGoldFile, serializeGoldRow } from '../../shared/review/gold-row';
import type { CurrentLabel } from '../../shared/review/replay';

/** Marks every text it masks, so a test sees which fields went through masking. */
const marking: Masking = {
  text: (t) => `<${t}>`,
  deep: (v) => JSON.parse(JSON.stringify(v), (_k, x) => (typeof x === 'string' ? `<${x}>` : x)),
};

const call = (over: Partial<GoldCall> = {}): GoldCall => ({
  request_id: 'req_1', trace_id: 'tr_1', messages: null, input_preview: 'where is my refund?', output_preview: 'It is on its way.',
  retrieval_ids: ['kb_1', 'kb_2'], prompt_version: 'refund_v12', model_resolved: 'gpt-4o', feature: 'refund_copilot', ...over,
});
const label: CurrentLabel = { request_id: 'req_1', reviewer: 'alice', verdict: 'fail', note: 'made up a policy', expected: 'Refunds take 5 days.', reason: 'hallucination', labeled_at: '2026-11-04T10:00:00.000Z', seq: 0 };

describe('gold rows', () => {
  it('have the design key order and mask every text field, not the ids', () => {
    const row = buildGoldRow(call(), label, marking);
    expect(serializeGoldRow(row)).toBe(
      '{"id":"prod-req_1","input":"<where is my refund?>","expected":{"verdict":"fail","expected_output":"<Refunds take 5 days.>","notes":"<made up a policy>"},' +
        '"actual_output":"<It is on its way.>","retrieval_ids":["kb_1","kb_2"],"prompt_version":"<refund_v12>","model_resolved":"<gpt-4o>","feature":"<refund_copilot>",' +
        '"source":"production","trace_id":"tr_1","request_id":"req_1","labeled_by":"<alice>","labeled_at":"2026-11-04T10:00:00.000Z"}',
    );
  });

  it('take the input from the messages when the call has them, masked throughout', () => {
    const messages = [{ role: 'user', content: 'card 4111' }];
    expect(buildGoldRow(call({ messages }), label, marking).input).toEqual([{ role: '<user>', content: '<card 4111>' }]);
  });

  it('keep missing values as null and missing retrieval ids as an empty list', () => {
    const row = buildGoldRow(call({ input_preview: null, output_preview: null, retrieval_ids: null }), { ...label, note: null, expected: null }, marking);
    expect(row).toMatchObject({ input: null, actual_output: null, retrieval_ids: [], expected: { verdict: 'fail', expected_output: null, notes: null } });
  });
});

describe('merging into an existing gold file', () => {
  const row = (id: string) => buildGoldRow(call({ request_id: id }), { ...label, request_id: id }, marking);

  it('keeps existing lines byte for byte, adds new rows once, sorted by request_id', () => {
    const existingText = '{"request_id":"req_5","hand":"written" }\r\n\n{"id":"x","request_id":"req_2"}\n';
    const existing = parseGoldFile(existingText, 'gold.jsonl');
    expect(existing.ok).toBe(true);
    const merged = mergeGold((existing as { value: Parameters<typeof mergeGold>[0] }).value, [row('req_3'), row('req_2'), row('req_1')]);
    const lines = merged.text.split('\n');
    expect(lines.map((l) => (l ? (JSON.parse(l) as { request_id: string }).request_id : ''))).toEqual(['req_1', 'req_2', 'req_3', 'req_5', '']);
    expect(lines[1]).toBe('{"id":"x","request_id":"req_2"}');
    expect(lines[3]).toBe('{"request_id":"req_5","hand":"written" }');
    expect(merged).toMatchObject({ rows: 4, kept: 2, alreadyPresent: 1, added: 2 });
  });

  it('sorts by code point, not locale, so the order is the same everywhere', () => {
    const merged = mergeGold([], [row('b'), row('B'), row('a'), row('_')]);
    expect(merged.text.trim().split('\n').map((l) => (JSON.parse(l) as { request_id: string }).request_id)).toEqual(['B', '_', 'a', 'b']);
  });

  it('names the line of an existing file that is not a gold row', () => {
    expect(parseGoldFile('{"request_id":"a"}\nnope\n', 'g.jsonl')).toEqual({ ok: false, error: { code: 'bad_input', message: 'g.jsonl:2: not a gold row (invalid JSON)' } });
    expect(parseGoldFile('{"id":"a"}\n', 'g.jsonl')).toEqual({ ok: false, error: { code: 'bad_input', message: 'g.jsonl:1: not a gold row (no request_id)' } });
  });

  it('writes an empty file for no rows', () => {
    expect(mergeGold([], []).text).toBe('');
  });
});
