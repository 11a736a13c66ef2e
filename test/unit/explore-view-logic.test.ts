import { describe, expect, it } from 'vitest';
import type { CallDetail } from '../../shared/api/methods/explore';
import type { SliceGroup } from '../../shared/query/slice';
import { chartLabel } from '../../renderer/src/charts/tooltip';
import { waterfallItems } from '../../renderer/src/views/call-detail/waterfall-items';
import { deltaRows } from '../../renderer/src/views/compare/deltas';
import { defaultWindows, windowsFromParams } from '../../renderer/src/views/compare/windows';
import { parseSources } from '../../renderer/src/views/open/sources-text';
import { columnsFromParams, sortFromParams, sortParam } from '../../renderer/src/views/table/table-url';

const group = (values: Partial<SliceGroup>): SliceGroup => ({
  requests: 100, errors: 1, error_rate: 0.01, ttft_p50_ms: 200, ttft_p95_ms: 400, total_p50_ms: 1000, total_p95_ms: 3000, decode_p95_ms: 2600,
  tokens_in: 1, tokens_out: 1, cost_usd: 1, cost_per_request_p50: 0.01, cost_per_request_p99: 0.02, block_rate: 0.01, ...values,
});

describe('explore view logic', () => {
  it('reads the table sort and columns from the URL, keeping only known columns', () => {
    const params = new URLSearchParams('sort=ttft_ms.desc,bogus.asc,feature&cols=feature,nope,ts');
    const sort = sortFromParams(params, ['ttft_ms', 'feature']);
    expect(sort).toEqual([{ column: 'ttft_ms', desc: true }, { column: 'feature', desc: false }]);
    expect(sortParam(sort)).toBe('ttft_ms.desc,feature.asc');
    expect(columnsFromParams(params, ['feature', 'ts'], ['ts'])).toEqual(['feature', 'ts']);
    expect(columnsFromParams(new URLSearchParams('cols=nope'), ['feature', 'ts'], ['ts'])).toEqual(['ts']);
  });

  it('gives rate changes in points, other changes in percent, and flags what got worse', () => {
    const rows = deltaRows(group({}), group({ error_rate: 0.035, ttft_p95_ms: 600, requests: 50 }));
    const by = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(by['error_rate']).toMatchObject({ delta: '+2.50 pts', worse: true });
    expect(by['ttft_p95_ms']).toMatchObject({ delta: '+50.0%', worse: true });
    expect(by['requests']).toMatchObject({ delta: '-50.0%', worse: false });
    expect(by['cost_usd']).toMatchObject({ delta: '+0.0%', worse: false });
  });

  it('defaults to the last day against the day before, and a quarter of a short range', () => {
    const long = defaultWindows({ min: '2026-11-01T00:00:00.000Z', max: '2026-11-10T00:00:00.000Z' });
    expect(long.incident).toEqual({ since: '2026-11-09T00:00:00.001Z', until: '2026-11-10T00:00:00.001Z' });
    expect(long.baseline.until).toBe(long.incident.since);
    const short = defaultWindows({ min: '2026-11-01T00:00:00.000Z', max: '2026-11-01T04:00:00.000Z' });
    expect(Date.parse(short.incident.until) - Date.parse(short.incident.since)).toBe(3_600_000);
    const chosen = windowsFromParams(new URLSearchParams('b.since=2026-11-02T00:00:00Z&i.until=not-a-date'), long);
    expect(chosen.baseline.since).toBe('2026-11-02T00:00:00Z');
    expect(chosen.incident.until).toBe(long.incident.until);
  });

  it('puts spans and model calls of a trace on one time line, children under parents', () => {
    const span = (id: string, parent: string | null, name: string, start: number, ms: number) => ({
      trace_id: 't', span_id: id, parent_span_id: parent, name, kind: null, start_ts: new Date(start).toISOString(), end_ts: new Date(start + ms).toISOString(), duration_ms: ms, status: null, request_id: null, attributes: null,
    });
    const detail: CallDetail = {
      call: { request_id: 'r1' },
      scores: [],
      spans: [span('root', null, 'POST /v1/chat', 0, 1000), span('g', 'root', 'guardrail pii', 10, 20), span('k', 'root', 'retrieve kb', 40, 100)],
      traceCalls: [{ request_id: 'r1', span_id: 'gen', parent_span_id: 'root', ts: new Date(150).toISOString(), total_ms: 800, model_resolved: 'm' }],
    };
    const items = waterfallItems(detail);
    expect(items.map((i) => [i.name, i.kind, i.depth])).toEqual([
      ['POST /v1/chat', 'other', 0],
      ['guardrail pii', 'guardrail', 1],
      ['retrieve kb', 'retrieve', 1],
      ['generate m', 'generate', 1],
    ]);
    expect(items[3]).toMatchObject({ requestId: 'r1', durationMs: 800 });
  });

  it('reads pasted or dropped sources, file URLs as paths', () => {
    expect(parseSources('file:///tmp/a%20b.jsonl\r\n\n# note\n s3://bucket/x/ \n')).toEqual(['/tmp/a b.jsonl', 's3://bucket/x/']);
  });

  it('labels chart groups without hidden characters or rich-text markup', () => {
    expect(chartLabel(null)).toBe('(none)');
    expect(chartLabel('a\u202Eb{x|y}')).toBe('a⟨U+202E⟩b⦃x¦y⦄');
  });
});
