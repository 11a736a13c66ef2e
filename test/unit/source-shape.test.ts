import { describe, expect, it } from 'vitest';
import { inferShape, jsonTransformSpec, readJsonColumns, readType } from '../../shared/query/source-shape';

describe('read shape inferred from sampled records', () => {
  it('reads nested latency objects as structs with their sampled fields', () => {
    const shape = inferShape([{ latency_ms: { ttft: 1, total: 2 } }, { latency_ms: { ttft: 3, tools: 4 } }]);
    expect(shape.get('latency_ms')).toEqual({ t: 'struct', fields: { ttft: { t: 'number' }, total: { t: 'number' }, tools: { t: 'number' } } });
  });

  it('reads a plain-number latency as a number, and a mixed one as JSON', () => {
    expect(inferShape([{ latency_ms: 900 }]).get('latency_ms')).toEqual({ t: 'number' });
    expect(inferShape([{ latency_ms: 900 }, { latency_ms: { total: 1 } }]).get('latency_ms')).toEqual({ t: 'json' });
  });

  it('reads numbers that sometimes arrive as text as text, so bad values can be reported', () => {
    expect(inferShape([{ tokens_in: 5 }, { tokens_in: '6' }]).get('tokens_in')).toEqual({ t: 'numtext' });
    expect(inferShape([{ tokens_in: 5 }]).get('tokens_in')).toEqual({ t: 'number' });
  });

  it('always reads every canonical column, even one the sample lacks', () => {
    const shape = inferShape([{ request_id: 'a' }]);
    expect(shape.get('error_class')).toEqual({ t: 'text' });
    expect(shape.get('tool_calls')).toEqual({ t: 'list', of: 'tool' });
    expect(shape.get('tokens_out')).toEqual({ t: 'number' });
  });

  it('keeps unknown fields as JSON (they go to metadata)', () => {
    expect(inferShape([{ request_id: 'a', region: 'eu' }]).get('region')).toEqual({ t: 'json' });
  });

  it('falls back to JSON for lists whose items do not fit', () => {
    expect(inferShape([{ tool_calls: ['search'] }]).get('tool_calls')).toEqual({ t: 'json' });
    expect(inferShape([{ retrieval_ids: ['a', 'b'] }]).get('retrieval_ids')).toEqual({ t: 'list', of: 'text' });
  });

  it('reads numbers as text on the checked path only', () => {
    expect(readType({ t: 'number' }, false)).toBe('DOUBLE');
    expect(readType({ t: 'number' }, true)).toBe('VARCHAR');
  });

  it('quotes hostile field names in the reader arguments', () => {
    const shape = inferShape([{ request_id: 'a', "x'); DROP TABLE calls; --": 1 }]);
    expect(readJsonColumns(shape, false)).toContain(`'x''); DROP TABLE calls; --': 'JSON'`);
    expect(jsonTransformSpec(shape, false)).toContain(`x''); DROP TABLE calls; --`);
  });
});
