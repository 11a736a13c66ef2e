import { describe, expect, it } from 'vitest';
import { coalescing, type Schedule } from '../../shared/api/coalesce';
import type { MethodName } from '../../shared/api/contract';
import { ok, type Result } from '../../shared/api/result';
import type { Transport } from '../../shared/api/transport';

/** A transport whose calls are answered when the test says so. */
function manualTransport() {
  const pending = new Map<string, (result: Result<unknown>) => void>();
  const transport: Transport = {
    call: (method: MethodName) => new Promise((resolve) => pending.set(method, resolve)),
    subscribe: () => () => {},
  };
  return { transport, answer: (method: string, value: unknown) => pending.get(method)!(ok(value)) };
}

/** A clock the test moves by hand: the scheduled work and whether it was cancelled. */
function manualSchedule() {
  const jobs: { work: () => void; ms: number; cancelled: boolean }[] = [];
  const schedule: Schedule = (work, ms) => {
    const job = { work, ms, cancelled: false };
    jobs.push(job);
    return () => (job.cancelled = true);
  };
  return { schedule, jobs, fire: () => jobs.filter((j) => !j.cancelled).forEach((j) => j.work()) };
}

/** Lets promise callbacks (and the end of the turn) run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function track<T>(promise: Promise<T>) {
  const seen: { value?: T } = {};
  void promise.then((value) => (seen.value = value));
  return seen;
}

/** The coalescing transport over a manual transport and clock, holding answers at most 600 ms. */
function coalescedManually() {
  const { transport, answer } = manualTransport();
  const clock = manualSchedule();
  return { api: coalescing(transport, clock.schedule, 600), answer, clock };
}

describe('answers handed over together', () => {
  it('hands over the answers of calls made in the same turn once the last one has arrived', async () => {
    const { api, answer, clock } = coalescedManually();
    const kpis = track(api.call('sliceAggregates', {}));
    const series = track(api.call('timeSeries', {}));
    await settle();
    answer('sliceAggregates', { requests: 3 });
    await settle();
    expect(kpis.value).toBeUndefined();
    expect(clock.jobs.map((j) => j.ms)).toEqual([600]);
    answer('timeSeries', { points: 2 });
    await settle();
    expect(kpis.value).toEqual(ok({ requests: 3 }));
    expect(series.value).toEqual(ok({ points: 2 }));
    expect(clock.jobs[0]!.cancelled).toBe(true);
  });

  it('hands over what has arrived when the hold runs out, and waits again for the rest', async () => {
    const { api, answer, clock } = coalescedManually();
    const fast = track(api.call('facetCounts', {}));
    const slow = track(api.call('runDrift', {}));
    const other = track(api.call('scoreTrend', {}));
    await settle();
    answer('facetCounts', 'f');
    await settle();
    clock.fire();
    await settle();
    expect(fast.value).toEqual(ok('f'));
    expect(slow.value).toBeUndefined();
    answer('scoreTrend', 's');
    await settle();
    expect(other.value).toBeUndefined();
    answer('runDrift', 'd');
    await settle();
    expect([other.value, slow.value]).toEqual([ok('s'), ok('d')]);
  });

  it('hands over the answer of a call made alone as soon as it arrives, and keeps turns apart', async () => {
    const { api, answer, clock } = coalescedManually();
    const label = track(api.call('saveLabel', {}));
    await settle();
    const page = track(api.call('tablePage', {}));
    answer('saveLabel', 'saved');
    await settle();
    expect(label.value).toEqual(ok('saved'));
    expect(page.value).toBeUndefined();
    expect(clock.jobs).toEqual([]);
    answer('tablePage', 'rows');
    await settle();
    expect(page.value).toEqual(ok('rows'));
  });

  it('hands over a transport failure like an answer, with the others', async () => {
    const clock = manualSchedule();
    let fail: (error: Error) => void = () => {};
    let succeed: (result: Result<unknown>) => void = () => {};
    const transport: Transport = {
      call: (method) => new Promise((resolve, reject) => (method === 'tablePage' ? (fail = reject) : (succeed = resolve))),
      subscribe: () => () => {},
    };
    const api = coalescing(transport, clock.schedule, 600);
    const failed = api.call('tablePage', {});
    const caught = failed.catch((error: unknown) => (error as Error).message);
    const good = track(api.call('sliceAggregates', {}));
    await settle();
    fail(new Error('bridge gone'));
    await settle();
    expect(good.value).toBeUndefined();
    succeed(ok(1));
    expect(await caught).toBe('bridge gone');
    await settle();
    expect(good.value).toEqual(ok(1));
  });
});
