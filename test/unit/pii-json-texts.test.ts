import { describe, expect, it } from 'vitest';
import { fieldTexts } from '../../electron/engine/pii/field-texts';
import { jsonTexts, jsonTextsOf } from '../../shared/pii';

const row = { request_id: 'r', input_preview: null, output_preview: null, messages: null, metadata: null, tool_args: null };

describe('jsonTexts', () => {
  it('lists every string with its path, and every key', () => {
    expect(jsonTexts('metadata', { a: 'x', b: [1, 'y', { c: 'z' }], 'odd key': 'w', n: null, t: true })).toEqual([
      { path: 'metadata.a (key)', text: 'a' },
      { path: 'metadata.a', text: 'x' },
      { path: 'metadata.b (key)', text: 'b' },
      { path: 'metadata.b[1]', text: 'y' },
      { path: 'metadata.b[2].c (key)', text: 'c' },
      { path: 'metadata.b[2].c', text: 'z' },
      { path: 'metadata["odd key"] (key)', text: 'odd key' },
      { path: 'metadata["odd key"]', text: 'w' },
      { path: 'metadata.n (key)', text: 'n' },
      { path: 'metadata.t (key)', text: 't' },
    ]);
  });

  it('shows a key holding PII masked in the path', () => {
    const paths = jsonTexts('metadata', { 'jane@example.com': 'ok', AKIAIOSFODNN7EXAMPLE: 1 }).map((t) => t.path);
    expect(paths).toEqual(['metadata["[EMAIL]"] (key)', 'metadata["[EMAIL]"]', 'metadata["[SECRET]"] (key)']);
  });

  it('includes integers long enough to be a card number, as text', () => {
    expect(jsonTexts('m', [4111111111111111, 42, 1.5])).toEqual([{ path: 'm[0]', text: '4111111111111111' }]);
  });

  it('walks a very deeply nested document without overflowing the stack', () => {
    const depth = 200_000;
    const texts = jsonTextsOf('metadata', '['.repeat(depth) + '"a@b.io"' + ']'.repeat(depth));
    expect(texts).toHaveLength(1);
    expect(texts[0]!.text).toBe('a@b.io');
  });

  it('takes text that is not JSON as one text', () => {
    expect(jsonTextsOf('metadata', "{'a': x@y.io}")).toEqual([{ path: 'metadata', text: "{'a': x@y.io}" }]);
  });
});

describe('fieldTexts', () => {
  it('names each field of a candidate row', () => {
    const texts = fieldTexts({
      ...row,
      input_preview: 'in',
      output_preview: 'out',
      messages: '[{"role":"user","content":"hi"}]',
      metadata: '{"k":"v"}',
    });
    expect(texts.filter((t) => !t.path.endsWith('(key)'))).toEqual([
      { path: 'input_preview', text: 'in' },
      { path: 'output_preview', text: 'out' },
      { path: 'messages[0].role', text: 'user' },
      { path: 'messages[0].content', text: 'hi' },
      { path: 'metadata.k', text: 'v' },
    ]);
  });

  it('decodes tool arguments: objects, JSON strings (also encoded twice) and plain text', () => {
    const args = [JSON.stringify(JSON.stringify({ card: 'c1' })), JSON.stringify({ card: 'c2' }), 'plain c3', null];
    const texts = fieldTexts({ ...row, tool_args: JSON.stringify(args) }).filter((t) => !t.path.endsWith('(key)'));
    expect(texts).toEqual([
      { path: 'tool_calls[0].args.card', text: 'c1' },
      { path: 'tool_calls[1].args.card', text: 'c2' },
      { path: 'tool_calls[2].args', text: 'plain c3' },
    ]);
  });
});
