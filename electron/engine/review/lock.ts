import { open, readFile, stat, unlink } from 'node:fs/promises';
import { err, ok, type Result } from '../../../shared/api/result';

/** An exclusive claim on writing a file, held by this process until released. */
export interface FileLock {
  readonly path: string;
  release(): Promise<void>;
}

/** A lock file that is empty or unreadable this long after it was made is left over, not being written. */
const UNREADABLE_LOCK_MS = 10_000;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function holder(path: string): Promise<{ pid: number | null; text: string; ageMs: number } | null> {
  try {
    const [text, info] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
    const pid = /^\d+$/.test(text.trim()) ? Number(text.trim()) : null;
    return { pid, text, ageMs: Date.now() - info.mtimeMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

async function create(path: string): Promise<boolean> {
  try {
    const handle = await open(path, 'wx');
    try {
      await handle.writeFile(`${process.pid}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/**
 * Takes `lockPath` (the file holds this process's pid). A lock whose process is
 * gone (a crash, kill -9) is taken over; a live one is a clear error. `what`
 * names the locked thing in that message.
 */
export async function acquireLock(lockPath: string, what: string): Promise<Result<FileLock>> {
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      if (await create(lockPath)) return ok({ path: lockPath, release: () => releaseLock(lockPath) });
      const current = await holder(lockPath);
      if (current === null) continue;
      const stale = current.pid === null ? current.ageMs > UNREADABLE_LOCK_MS : !isAlive(current.pid);
      if (!stale) {
        const who = current.pid === null ? 'another TraceLens process' : current.pid === process.pid ? 'this process already' : `another TraceLens process (pid ${current.pid})`;
        return err('workspace_locked', `${what} is being written by ${who}; close it there first (lock file ${lockPath}).`);
      }
      // Remove the stale lock only if it is still the one we read, so a process that just took it over keeps it.
      const again = await holder(lockPath);
      if (again && again.text === current.text) await unlink(lockPath).catch(() => undefined);
    }
    return err('workspace_locked', `${what}: could not take the lock file ${lockPath}; another process keeps taking it.`);
  } catch (error) {
    return err('journal_write_failed', `${what}: cannot create the lock file ${lockPath} (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
  }
}

async function releaseLock(lockPath: string): Promise<void> {
  const current = await holder(lockPath).catch(() => null);
  if (current?.pid === process.pid) await unlink(lockPath).catch(() => undefined);
}
