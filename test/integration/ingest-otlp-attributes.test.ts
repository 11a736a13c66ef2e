import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFiles } from '../../electron/engine/ingest';
import { Workspace } from '../../electron/engine/workspace';
import { resolveSources } from '../../electron/sources/resolve';
import { tempDir, writeLines } from '../helpers/temp';

const text = (key: string, value: string) => ({ key, value: { stringValue: value } });

/** A model span whose attributes exercise every kind of value, a repeated key and a key the resource also has. */
const LINE = {
  resourceSpans: [
    {
      resource: { attributes: [text('service.name', 'gw'), text('tenant_id', 'from_resource'), text('dup', 'r1'), text('dup', 'r2')] },
      scopeSpans: [
        {
          spans: [
            {
              traceId: 't1',
              spanId: 's1',
              name: 'chat m',
              startTimeUnixNano: '1791201639639000000',
              endTimeUnixNano: '1791201641109000000',
              attributes: [
                text('gen_ai.request.model', 'm'),
                text('feature', 'say "hi"\\now'),
                text('feature', 'second'),
                text('tenant_id', 'from_span'),
                { key: 'n', value: { intValue: '5' } },
                { key: 'd', value: { doubleValue: 0.5 } },
                { key: 'b', value: { boolValue: true } },
                { key: 'arr', value: { arrayValue: { values: [{ stringValue: 'x' }, { intValue: '2' }] } } },
                { key: 'empty', value: {} },
                // Some exporters write an int64 as a number and a double as a string.
                { key: 'n2', value: { intValue: 7 } },
                { key: 'd2', value: { doubleValue: '0.25' } },
              ],
              status: { code: 1 },
            },
          ],
        },
      ],
    },
  ],
};

/** Resource attributes first (those the span does not have), then the span's; the first of a repeated key wins; every value as text. */
const ATTRIBUTES =
  '{"service.name":"gw","dup":"r1","gen_ai.request.model":"m","feature":"say \\"hi\\"\\\\now","tenant_id":"from_span",' +
  '"n":"5","d":"0.5","b":"true","arr":"[\\"x\\",\\"2\\"]","empty":null,"n2":"7","d2":"0.25"}';

describe('OTLP attributes as JSON text', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => ({ dir, cleanup } = await tempDir()));
  afterAll(() => cleanup());

  async function load(lines: (string | object)[]): Promise<{ errors: (number | null)[]; rows: Record<string, unknown>[] }> {
    const file = await writeLines(join(dir, `f${lines.length}.otlp.jsonl`), lines);
    const workspace = await Workspace.open();
    try {
      const report = await ingestFiles(workspace, await resolveSources([file]));
      const rows = await workspace.db.all(
        `SELECT s.attributes::VARCHAR AS attributes, c.metadata::VARCHAR AS metadata, c.feature, c.tenant_id FROM spans s JOIN calls c USING (span_id)`,
      );
      return { errors: report.errors.map((e) => e.line), rows };
    } finally {
      workspace.close();
    }
  }

  it('writes the same object, key order and values, whether the file is clean or has a malformed line', async () => {
    const expected = { attributes: ATTRIBUTES, metadata: ATTRIBUTES, feature: 'say "hi"\\now', tenant_id: 'from_span' };
    expect(await load([LINE])).toEqual({ errors: [], rows: [expected] });
    expect(await load([LINE, '{"resourceSpans": ['])).toEqual({ errors: [2], rows: [expected] });
  });
});
