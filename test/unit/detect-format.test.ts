import { describe, expect, it } from 'vitest';
import { detectLineFormat } from '../../shared/domain/detect-format';

const line = (value: unknown) => JSON.stringify(value);

describe('format detection from sampled lines', () => {
  it('recognizes canonical call logs, including alias-only records', () => {
    const d = detectLineFormat([line({ request_id: 'a', model: 'gpt-4o', tokens_in: 3 }), line({ timestamp: '2026-01-01', tenant: 'x' })]);
    expect(d.format).toBe('canonical');
    expect(d.records).toHaveLength(2);
  });

  it('recognizes OTLP JSON by its resourceSpans', () => {
    expect(detectLineFormat([line({ resourceSpans: [] })]).format).toBe('otlp');
  });

  it('recognizes score records, but not calls that carry a name', () => {
    expect(detectLineFormat([line({ request_id: 'a', name: 'faithfulness', value: 0.9 })]).format).toBe('scores');
    expect(detectLineFormat([line({ request_id: 'a', name: 'x', value: 1, model: 'gpt-4o' })]).format).toBe('canonical');
  });

  it('ignores malformed sample lines and votes with the rest', () => {
    expect(detectLineFormat(['{"request_id":', line({ request_id: 'a', model: 'm' }), '[1,2]']).format).toBe('canonical');
  });

  it('counts the sampled lines no JSON reader accepts, not those a lenient reader may (NaN, trailing commas, comments)', () => {
    const good = line({ request_id: 'a', model: 'm' });
    expect(detectLineFormat([good, '{"request_id":', 'INFO plain text log line', '{"model" "m"}']).malformed).toBe(3);
    expect(detectLineFormat([good, '{"cost_usd":NaN}', '{"model":"m",}', '{"model":"m"} // note', '{"model":"a\tb"}']).malformed).toBe(0);
    expect(detectLineFormat([good, '[1,2]']).malformed).toBe(0);
  });

  it('reports a file with nothing it recognizes', () => {
    const d = detectLineFormat([line({ foo: 1 }), line({ bar: 2 })]);
    expect(d.format).toBe('unknown');
    expect(d.reason).toMatch(/no record has a field/);
    expect(detectLineFormat(['not json', '{{']).reason).toMatch(/no line parses/);
  });
});
