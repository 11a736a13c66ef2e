import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { err, ok, type Result } from '../../shared/api/result';

/**
 * A dropped or picked file's name, safe as one path segment: the browser sends only a name, which is
 * attacker-controlled like any request field. The extension is kept: format detection reads it for `.gz`.
 */
export function uploadName(name: string | null): string | undefined {
  if (name === null) return undefined;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  const clean = name.replace(/[\u0000-\u001f\u007f/\\:]/g, '_').trim();
  if (clean === '' || clean === '.' || clean === '..' || clean.length > 200) return undefined;
  return clean;
}

/**
 * Browser mode's copies of files dropped on the page (the browser never reveals their paths): each is
 * streamed to a temp folder of this server, written under a temporary name and renamed when complete,
 * and the folder is deleted when the server stops. The workspace keeps the rows, not the files.
 */
export class Uploads {
  private dir: Promise<string> | undefined;
  private count = 0;

  async receive(request: IncomingMessage, rawName: string | null): Promise<Result<{ path: string }>> {
    const name = uploadName(rawName);
    if (!name) return err('bad_input', 'the upload needs a file name (?name=...), without path separators, at most 200 characters');
    this.dir ??= mkdtemp(join(tmpdir(), 'tracelens-uploads-'));
    const folder = join(await this.dir, String(++this.count));
    await mkdir(folder);
    const path = join(folder, name);
    const partial = `${path}.part`;
    try {
      await pipeline(request, createWriteStream(partial, { flags: 'wx' }));
      await rename(partial, path);
      return ok({ path });
    } catch (error) {
      await rm(folder, { recursive: true, force: true });
      return err('bad_input', `the upload of ${name} did not complete: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async close(): Promise<void> {
    const dir = this.dir;
    this.dir = undefined;
    if (dir) await rm(await dir, { recursive: true, force: true });
  }
}
