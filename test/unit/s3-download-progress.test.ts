import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { downloadProgress } from '../../electron/cli/download-progress';

class Terminal extends Writable {
  text = '';
  constructor(readonly isTTY: boolean) {
    super();
  }
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

describe('download progress', () => {
  it('shows objects and bytes on one self-erasing terminal line, and clears it when done', () => {
    const terminal = new Terminal(true);
    const show = downloadProgress(terminal)!;
    show({ objectsDone: 3, objectsTotal: 150, bytesDone: 1536, bytesTotal: 2 * 1024 * 1024, cached: 2 });
    expect(terminal.text).toBe('\r\x1b[2KDownloading 3/150 objects, 2 cached  1.5 KB of 2.0 MB');
    show({ objectsDone: 150, objectsTotal: 150, bytesDone: 2 * 1024 * 1024, bytesTotal: 2 * 1024 * 1024, cached: 2 });
    expect(terminal.text.endsWith('\r\x1b[2K')).toBe(true);
  });

  it('writes nothing when stderr is not a terminal', () => {
    expect(downloadProgress(new Terminal(false))).toBeUndefined();
  });
});
