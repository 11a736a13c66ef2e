import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { EngineError } from '../../engine/errors';

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The key's last segment made safe for a file name, keeping its end so `.jsonl.gz` and `.parquet` survive. */
function safeName(key: string): string {
  const base = key.slice(key.lastIndexOf('/') + 1).replace(/[^A-Za-z0-9._-]/g, '_');
  return base.slice(-80) || 'object';
}

/** Errors of the local disk, not of the download. */
const DISK_ERRORS = new Set(['ENOSPC', 'EDQUOT', 'EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EEXIST']);

/** Temp files of downloads killed midway are removed once they are this old. */
const STALE_PART_MS = 60 * 60 * 1000;

/** A download that ended before the object's last byte. */
export class CutOffError extends Error {
  constructor(
    readonly received: number,
    readonly expected: number,
    cause: string,
  ) {
    super(`cut off after ${received} of ${expected} bytes (${cause})`);
    this.name = 'CutOffError';
  }
}

/**
 * Downloaded objects on disk, one folder per (endpoint, bucket, key), one file per ETag:
 * `DIR/BUCKET/<hash of endpoint, bucket, key>/<hash of ETag>-<key's file name>`.
 * A file is only ever created by renaming a complete download, so a name that exists
 * with the listed size is the object's content.
 */
export class ObjectCache {
  constructor(
    readonly dir: string,
    private readonly endpointId: string,
  ) {}

  private folder(bucket: string, key: string): string {
    return join(this.dir, bucket, sha256(`${this.endpointId}\n${bucket}\n${key}`).slice(0, 32));
  }

  pathOf(bucket: string, key: string, etag: string): string {
    return join(this.folder(bucket, key), `${sha256(etag).slice(0, 16)}-${safeName(key)}`);
  }

  /** The cached file of this version of the object, if it is there whole. */
  async lookup(bucket: string, key: string, etag: string, size: number): Promise<string | undefined> {
    if (etag === '') return undefined;
    const path = this.pathOf(bucket, key, etag);
    const info = await stat(path).catch(() => undefined);
    return info?.isFile() && info.size === size ? path : undefined;
  }

  /**
   * Streams a body into the cache under a temporary name and renames it when all `size`
   * bytes arrived; a cut-off stream leaves nothing behind. Older versions of the key are removed.
   */
  async store(bucket: string, key: string, etag: string, size: number | undefined, body: Readable, onBytes: (n: number) => void): Promise<string> {
    const path = this.pathOf(bucket, key, etag);
    const folder = this.folder(bucket, key);
    await mkdir(folder, { recursive: true }).catch((error: unknown) => {
      throw this.diskError(error);
    });
    const temp = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.part`;
    let received = 0;
    const count = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        received += chunk.length;
        onBytes(chunk.length);
        done(null, chunk);
      },
    });
    try {
      await pipeline(body, count, createWriteStream(temp, { flags: 'wx' }));
      if (size !== undefined && received !== size) throw new CutOffError(received, size, 'the connection closed early');
    } catch (error) {
      await rm(temp, { force: true });
      if (error instanceof CutOffError) throw error;
      if (DISK_ERRORS.has((error as NodeJS.ErrnoException).code ?? '')) throw this.diskError(error);
      throw new CutOffError(received, size ?? 0, error instanceof Error ? (error as NodeJS.ErrnoException).code ?? error.message : String(error));
    }
    await rename(temp, path);
    await this.removeOtherVersions(folder, path);
    return path;
  }

  private diskError(error: unknown): EngineError {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return new EngineError('bad_input', `cannot write to the S3 cache folder ${this.dir} (${code}): free some space or choose another folder with --cache-dir`);
  }

  /** Older versions of the key, and temp files that a killed download left behind. */
  private async removeOtherVersions(folder: string, keep: string): Promise<void> {
    const names = await readdir(folder).catch(() => [] as string[]);
    const stale = async (name: string) => {
      if (!name.endsWith('.part')) return join(folder, name) !== keep;
      const info = await stat(join(folder, name)).catch(() => undefined);
      return info !== undefined && Date.now() - info.mtimeMs > STALE_PART_MS;
    };
    await Promise.all(names.map(async (n) => ((await stale(n)) ? rm(join(folder, n), { force: true }) : undefined)));
  }
}
