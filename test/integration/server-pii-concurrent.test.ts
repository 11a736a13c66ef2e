import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiServer, startApiServer } from '../helpers/api-server';
import { writeLines } from '../helpers/temp';
import { value } from '../helpers/result';


const CALLS = 6000;

describe('a PII scan while the app asks for other things', () => {
  let s: ApiServer;

  beforeAll(async () => {
    s = await startApiServer();
    const calls = Array.from({ length: CALLS }, (_, i) => ({
      request_id: `r${i}`,
      ts: new Date(Date.UTC(2026, 10, 4, 0, 0, i)).toISOString(),
      feature: i % 2 ? 'a' : 'b',
      model: 'gpt-4o',
      input_preview: `write to user${i}@example.com`,
    }));
    value(await s.api.openSources({ sources: [await writeLines(join(s.dir, 'calls.jsonl'), calls)] }));
  });
  afterAll(() => s.close());

  it('finds every finding, however many queries run meanwhile', async () => {
    const others = Array.from({ length: 12 }, () => s.api.sliceAggregates({ by: ['feature'] }));
    const [scan] = await Promise.all([s.api.scanPii({}), ...others]);
    expect(value(scan).counts.email).toBe(CALLS);
  });
});
