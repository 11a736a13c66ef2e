import { describe, expect, it } from 'vitest';
import { ParamList } from '../../shared/query/sql';
import { QUEUE_DEFAULTS, QUEUE_NAMES, QUEUES, queueItemsSql } from '../../shared/review/queues';

describe('queue definitions', () => {
  it('name each built-in queue once, with a title and an order', () => {
    expect(QUEUE_NAMES).toEqual(['judge', 'thumbs-down', 'guardrail', 'errors', 'drift', 'sample', 'slice']);
    for (const queue of QUEUES) expect(queue.title.length * queue.order.length).toBeGreaterThan(0);
  });

  it('bind every value as a parameter, never paste it into SQL', () => {
    const hostile = "x' OR '1'='1";
    for (const name of QUEUE_NAMES) {
      const params = new ParamList();
      const sql = queueItemsSql(name, { driftExemplars: [hostile, 'r2'], sampleSeed: hostile, filter: { where: { feature: [hostile] } } }, params);
      expect(sql).not.toContain(hostile);
      expect(params.values).toContain(hostile);
      const placeholders = new Set([...sql.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));
      expect(Math.max(...placeholders)).toBe(params.values.length);
    }
  });

  it('use the guide\'s defaults: judge band 0.4-0.6, a 2% sample', () => {
    expect(QUEUE_DEFAULTS).toMatchObject({ judgeLow: 0.4, judgeHigh: 0.6, sampleRate: 0.02 });
    const params = new ParamList();
    queueItemsSql('judge', {}, params);
    expect(params.values).toEqual([0.6]);
  });
});
