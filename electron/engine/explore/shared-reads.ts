import type { SqlParam } from '../../../shared/query/sql';
import type { Db, Row } from '../db';

const running = new WeakMap<Db, Map<string, Promise<unknown>>>();

/**
 * A read asked again while the same statement is still running gets that statement's answer: the panels
 * of one refresh fire together and several ask the same small question (the slice's time span). Only
 * statements in flight are shared, so an answer is never older than the question.
 */
export function sharedRead<T extends Row>(db: Db, sql: string, params: readonly SqlParam[]): Promise<T[]> {
  let map = running.get(db);
  if (!map) running.set(db, (map = new Map()));
  const key = JSON.stringify([sql, params]);
  const current = map.get(key);
  if (current) return current as Promise<T[]>;
  const read = db.reader.all<T>(sql, params);
  map.set(key, read);
  const done = () => map.delete(key);
  read.then(done, done);
  return read;
}
