import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFiles } from '../../electron/engine/ingest';
import { Workspace } from '../../electron/engine/workspace';
import { resolveSources } from '../../electron/sources/resolve';
import { tempDir, writeLines } from '../helpers/temp';

const text = (key: string, value: string) => ({ key, value: { stringValue: value } });
const int = (key: string, value: number) => ({ key, value: { intValue: String(value) } });

const span = (spanId: string, name: string, attributes: object[], parentSpanId = '') => ({
  traceId: 't1',
  spanId,
  parentSpanId,
  name,
  kind: 1,
  startTimeUnixNano: '1791201639639000000',
  endTimeUnixNano: '1791201641109000000',
  attributes,
  status: { code: 1 },
});

/** One trace: a model call under an agent span, a tool call and a retrieval; the feature comes from the resource. */
const LINE = {
  resourceSpans: [
    {
      resource: { attributes: [text('service.name', 'gw'), text('app.feature', 'from_resource'), text('tenant_id', 'acme')] },
      scopeSpans: [
        {
          scope: { name: 'gw' },
          spans: [
            span('s0', 'agent run', []),
            span('s1', 'chat m', [text('gen_ai.request.model', 'm'), int('gen_ai.usage.input_tokens', 12), text('request_id', 'r1'), text('tenant_id', 'span_wins')], 's0'),
            span('s2', 'tool call', [text('gen_ai.operation.name', 'execute_tool'), text('gen_ai.tool.name', 'search')], 's0'),
            span('s3', 'retrieve docs', [], 's0'),
          ],
        },
      ],
    },
  ],
};

describe('OTLP spans and calls', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => ({ dir, cleanup } = await tempDir()));
  afterAll(() => cleanup());

  it('keeps every span with its kind and makes a call of the model span only, span attributes before resource ones', async () => {
    const file = await writeLines(join(dir, 'trace.otlp.jsonl'), [LINE, '{"resourceSpans": [', LINE]);
    const workspace = await Workspace.open();
    try {
      const report = await ingestFiles(workspace, await resolveSources([file]));
      expect(report.rows).toEqual({ calls: 2, scores: 0, spans: 8 });
      expect(report.errors.map((e) => e.line)).toEqual([2]);
      const spans = await workspace.db.all('SELECT DISTINCT span_id, kind, request_id, attributes->>\'$."app.feature"\' AS feature FROM spans ORDER BY span_id');
      expect(spans).toEqual([
        { span_id: 's0', kind: 'other', request_id: null, feature: 'from_resource' },
        { span_id: 's1', kind: 'generate', request_id: 'r1', feature: 'from_resource' },
        { span_id: 's2', kind: 'tool', request_id: null, feature: 'from_resource' },
        { span_id: 's3', kind: 'retrieve', request_id: null, feature: 'from_resource' },
      ]);
      const calls = await workspace.db.all(
        `SELECT DISTINCT request_id, span_id, parent_span_id, feature, tenant_id, model_requested, tokens_in, metadata->>'$."tenant_id"' AS meta_tenant FROM calls`,
      );
      expect(calls).toEqual([
        { request_id: 'r1', span_id: 's1', parent_span_id: 's0', feature: 'from_resource', tenant_id: 'span_wins', model_requested: 'm', tokens_in: 12, meta_tenant: 'span_wins' },
      ]);
    } finally {
      workspace.close();
    }
  });
});
