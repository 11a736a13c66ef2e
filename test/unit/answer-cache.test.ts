import { describe, expect, it } from 'vitest';
import { AnswerCache, answerBytes } from '../../electron/engine/answer-cache';

/** A computation that counts its runs and settles when told. */
function counted<T>(value: T) {
  let runs = 0;
  const pending: { resolve: (v: T) => void; reject: (e: Error) => void }[] = [];
  return {
    get runs() {
      return runs;
    },
    compute: () => {
      runs++;
      return new Promise<T>((resolve, reject) => pending.push({ resolve, reject }));
    },
    settle: () => pending.splice(0).forEach((p) => p.resolve(value)),
    fail: () => pending.splice(0).forEach((p) => p.reject(new Error('engine said no'))),
  };
}

describe('the answer cache of the explore reads', () => {
  it('answers the same request once, a different one anew, and shares an answer still being computed', async () => {
    const cache = new AnswerCache();
    const work = counted({ requests: 12 });
    const first = cache.answer('sliceAggregates', { filter: { where: { feature: ['a'] } } }, work.compute);
    const again = cache.answer('sliceAggregates', { filter: { where: { feature: ['a'] } } }, work.compute);
    expect(work.runs).toBe(1);
    work.settle();
    expect(await first).toEqual({ requests: 12 });
    expect(await again).toBe(await first);
    await cache.answer('sliceAggregates', { filter: { where: { feature: ['a'] } } }, work.compute);
    expect(work.runs).toBe(1);
    const other = cache.answer('sliceAggregates', { filter: { where: { feature: ['b'] } } }, work.compute);
    const otherMethod = cache.answer('facetCounts', { filter: { where: { feature: ['a'] } } }, work.compute);
    expect(work.runs).toBe(3);
    work.settle();
    await Promise.all([other, otherMethod]);
  });

  it('keeps no failed answer', async () => {
    const cache = new AnswerCache();
    const work = counted(1);
    const failed = cache.answer('timeSeries', { x: 1 }, work.compute);
    work.fail();
    await expect(failed).rejects.toThrow('engine said no');
    const retried = cache.answer('timeSeries', { x: 1 }, work.compute);
    expect(work.runs).toBe(2);
    work.settle();
    expect(await retried).toBe(1);
  });

  it('forgets every answer when the calls change, also one computed from the calls as they were', async () => {
    const cache = new AnswerCache();
    const work = counted('old');
    await Promise.all([cache.answer('m', 1, work.compute), (work.settle(), undefined)]);
    const inFlight = cache.answer('m', 2, work.compute);
    cache.invalidate();
    work.settle();
    expect(await inFlight).toBe('old');
    expect(cache.size).toBe(0);
    const fresh = counted('new');
    const answers = [cache.answer('m', 1, fresh.compute), cache.answer('m', 2, fresh.compute)];
    fresh.settle();
    expect(await Promise.all(answers)).toEqual(['new', 'new']);
    expect(fresh.runs).toBe(2);
  });

  it('drops the least recently used answers beyond its entries and its bytes', async () => {
    const byCount = new AnswerCache(1 << 20, 2);
    for (const k of [1, 2]) await byCount.answer('m', k, async () => k);
    await byCount.answer('m', 1, async () => -1); // 1 is now the newest: 2 goes first
    await byCount.answer('m', 3, async () => 3);
    expect(await byCount.answer('m', 1, async () => -1)).toBe(1);
    expect(await byCount.answer('m', 2, async () => -2)).toBe(-2);

    const big = { arrow: new Uint8Array(600) };
    const byBytes = new AnswerCache(1000, 100);
    await byBytes.answer('m', 'a', async () => big);
    await byBytes.answer('m', 'b', async () => big);
    expect(byBytes.size).toBe(1);
    expect(await byBytes.answer('m', 'a', async () => null)).toBeNull();
  });

  it('counts Arrow buffers by their bytes and the rest by its JSON text', () => {
    expect(answerBytes({ arrow: new Uint8Array(5000), groups: ['a'] })).toBe(5000 + JSON.stringify({ groups: ['a'] }).length);
    expect(answerBytes({ n: 10n })).toBe(JSON.stringify({ n: '10' }).length);
  });
});
