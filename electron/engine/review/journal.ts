import { type FileHandle, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { err, ok, type Result } from '../../../shared/api/result';
import { type LabelEvent, type LabelInput, makeLabelEvent, serializeLabelEvent } from '../../../shared/review/label-event';
import { acquireLock, type FileLock } from './lock';

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
}

/** Makes a new file's name durable: fsync of its folder (not possible on every platform; best effort). */
async function syncFolder(path: string): Promise<void> {
  try {
    const folder = await open(dirname(path), 'r');
    try {
      await folder.sync();
    } finally {
      await folder.close();
    }
  } catch {
    // Windows cannot open a folder for fsync; the file's own fsync still holds its data.
  }
}

async function writeAll(handle: FileHandle, text: string): Promise<void> {
  const bytes = Buffer.from(text, 'utf8');
  let written = 0;
  while (written < bytes.length) written += (await handle.write(bytes, written, bytes.length - written)).bytesWritten;
}

/**
 * The label journal open for writing: append-only, one event per line, each
 * fsync'd before `append` reports it saved. One writer at a time (a lock file
 * beside the journal holds the writer's pid).
 */
export class LabelJournal {
  private pending: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly path: string,
    private readonly handle: FileHandle,
    private readonly lock: FileLock,
    /** The file does not end in a newline (a write cut short): the next event starts on a fresh line. */
    private needsNewline: boolean,
  ) {}

  static async open(path: string): Promise<Result<LabelJournal>> {
    const lock = await acquireLock(`${path}.lock`, `the label journal ${path}`);
    if (!lock.ok) return lock;
    try {
      const handle = await open(path, 'a+');
      const { size } = await handle.stat();
      let needsNewline = false;
      if (size > 0) {
        const last = Buffer.alloc(1);
        await handle.read(last, 0, 1, size - 1);
        needsNewline = last[0] !== 0x0a;
      } else {
        await syncFolder(path);
      }
      return ok(new LabelJournal(path, handle, lock.value, needsNewline));
    } catch (error) {
      await lock.value.release();
      return err('journal_write_failed', `cannot open the label journal ${path} for writing (${errorCode(error)}).`);
    }
  }

  /** Appends a label event; resolves once it is on disk. Events are written in call order. */
  append(input: LabelInput, now: Date = new Date()): Promise<Result<LabelEvent>> {
    const result = this.pending.then(() => this.write(input, now));
    this.pending = result;
    return result;
  }

  private async write(input: LabelInput, now: Date): Promise<Result<LabelEvent>> {
    const event = makeLabelEvent(input, now);
    if (!event.ok) return event;
    try {
      await writeAll(this.handle, `${this.needsNewline ? '\n' : ''}${serializeLabelEvent(event.value)}\n`);
      await this.handle.sync();
      this.needsNewline = false;
      return event;
    } catch (error) {
      this.needsNewline = true;
      return err('journal_write_failed', `the label was not saved: cannot write ${this.path} (${errorCode(error)}).`);
    }
  }

  async close(): Promise<void> {
    await this.pending.catch(() => undefined);
    await this.handle.close().catch(() => undefined);
    await this.lock.release();
  }
}
