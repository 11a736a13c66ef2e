import type { Db } from './db';

export async function inTransaction<T>(db: Db, work: () => Promise<T>): Promise<T> {
  await db.exec('BEGIN TRANSACTION');
  try {
    const result = await work();
    await db.exec('COMMIT');
    return result;
  } catch (error) {
    await db.exec('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** Loading a source again replaces what it loaded before: no duplicate rows. */
export async function clearSource(db: Db, uri: string): Promise<void> {
  for (const table of ['calls', 'scores', 'spans']) await db.exec(`DELETE FROM ${table} WHERE source_uri = $1`, [uri]);
  await db.exec('DELETE FROM ingest_errors WHERE source = $1', [uri]);
  await db.exec('DELETE FROM sources WHERE uri = $1', [uri]);
}
