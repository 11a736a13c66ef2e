import { describe, expect, it } from 'vitest';
import { isMethodName, METHOD_NAMES, METHODS } from '../../shared/api/contract';
import { fromBase64, toBase64 } from '../../shared/api/base64';
import { fromWire, toWire } from '../../shared/api/wire';

const parse = (method: keyof typeof METHODS, payload: unknown) => METHODS[method].request.safeParse(payload).success;

describe('the API contract', () => {
  it('has one request schema per method, each accepting a minimal request', () => {
    const minimal: Record<string, unknown> = { openSources: { sources: ['/dumps'] }, callDetail: { requestId: 'req_1' }, facetValues: { column: 'feature' },
      facetCounts: { columns: ['feature'] },
      queueItems: { queue: 'judge' },
      callLabels: { requestId: 'req_1' },
      saveLabel: { requestId: 'req_1', verdict: 'pass' },
      saveLabels: { requestIds: ['req_1'], verdict: null },
      exportGold: { out: 'gold.jsonl' },
      exportCalls: { format: 'csv' },
    };
    for (const name of METHOD_NAMES) expect(parse(name, minimal[name] ?? {}), name).toBe(true);
  });

  it.each([
    ['a column name carrying SQL', 'facetValues', { column: 'feature" FROM calls; --' }],
    ['an unknown filter column', 'sliceAggregates', { filter: { where: { 'request_id; DROP TABLE calls': ['x'] } } }],
    ['a prototype key as filter column', 'sliceAggregates', { filter: JSON.parse('{"where": {"__proto__": ["x"]}}') }],
    ['a group column outside the allowlist', 'sliceAggregates', { by: ['input_preview'] }],
    ['an unknown sort column', 'tablePage', { sort: [{ column: 'ts DESC; --' }] }],
    ['a heavy column in a table page', 'tablePage', { columns: ['embedding'] }],
    ['a huge page', 'tablePage', { limit: 1_000_000 }],
    ['a negative offset', 'tablePage', { offset: -1 }],
    ['a fractional limit', 'tablePage', { limit: 1.5 }],
    ['a number where text belongs', 'callDetail', { requestId: 42 }],
    ['an empty request id', 'callDetail', { requestId: '' }],
    ['a megabyte-long request id', 'callDetail', { requestId: 'x'.repeat(1_000_001) }],
    ['an extra key', 'workspaceInfo', { admin: true }],
    ['a time that is not a time', 'timeSeries', { filter: { since: 'yesterday-ish' } }],
    ['too many filter values', 'sliceAggregates', { filter: { where: { feature: Array.from({ length: 501 }, (_, i) => String(i)) } } }],
    ['no sources', 'openSources', { sources: [] }],
    ['an unknown open mode', 'openSources', { sources: ['/x'], mode: 'delete' }],
    ['null instead of a request', 'columns', null],
    ['an array instead of a request', 'columns', []],
    ['an unknown queue', 'queueItems', { queue: 'everything' }],
    ['an unknown verdict', 'saveLabel', { requestId: 'r', verdict: 'maybe' }],
    ['an unknown failure reason', 'saveLabel', { requestId: 'r', verdict: 'fail', reason: 'vibes' }],
    ['a label without a verdict', 'saveLabel', { requestId: 'r' }],
    ['a reviewer in a label (the settings name it)', 'saveLabel', { requestId: 'r', verdict: 'pass', reviewer: 'mallory' }],
    ['an empty selection', 'saveLabels', { requestIds: [], verdict: 'pass' }],
    ['an unknown gold verdict', 'previewGold', { verdict: 'some' }],
    ['a gold export without a destination', 'exportGold', {}],
    ['an unknown theme', 'saveSettings', { theme: 'neon' }],
    ['a blank reviewer name', 'saveSettings', { reviewer: '   ' }],
  ])('rejects %s', (_what, method, payload) => {
    expect(parse(method as keyof typeof METHODS, payload)).toBe(false);
  });

  it('fills defaults so handlers get complete requests', () => {
    expect(METHODS.tablePage.request.parse({})).toEqual({ filter: {}, sort: [], offset: 0, limit: 200 });
  });

  it('knows its own methods and nothing inherited', () => {
    expect(isMethodName('tablePage')).toBe(true);
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', '', 42]) expect(isMethodName(name)).toBe(false);
  });
});

describe('the HTTP wire format', () => {
  it('carries bytes as base64 and back, exactly', () => {
    const bytes = new Uint8Array(20_000).map((_, i) => (i * 37 + (i >> 8)) % 256);
    // Sizes around the encoder's slices of 3072 bytes (4096 characters), with each remainder of 3.
    for (const n of [0, 1, 2, 3, 4, 999, 1000, 3071, 3072, 3073, 6145, 19_999, 20_000]) {
      const slice = bytes.slice(0, n);
      expect(toBase64(slice)).toBe(Buffer.from(slice).toString('base64'));
      expect(fromBase64(toBase64(slice))).toEqual(slice);
    }
    const value = { ok: true, value: { total: 3, arrow: bytes } };
    expect(fromWire(toWire(value))).toEqual(value);
  });

  it('rejects malformed base64', () => {
    expect(() => fromWire('{"$bytes": "@@@"}')).toThrow();
  });
});
