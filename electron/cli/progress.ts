import { basename } from 'node:path';
import { formatBytes, formatCount } from '../../shared/domain/format-units';
import type { IngestProgress } from '../../shared/domain/ingest';

/** A one-line progress display on a terminal's stderr; silent when stderr is not a terminal. */
export function terminalProgress(stream: NodeJS.WritableStream & { isTTY?: boolean }): { update: (p: IngestProgress) => void; done: () => void } {
  if (!stream.isTTY) return { update: () => undefined, done: () => undefined };
  let last = 0;
  let shown = false;
  return {
    update(p) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      shown = true;
      const pct = p.bytesTotal > 0 ? Math.floor((100 * p.bytesDone) / p.bytesTotal) : 0;
      const files = p.fileCount > 1 ? ` (${p.fileIndex + 1}/${p.fileCount})` : '';
      const line = `Loading ${basename(p.source)}${files}  ${pct}%  ${formatBytes(p.bytesDone)} of ${formatBytes(p.bytesTotal)}  ${formatCount(p.rows)} rows`;
      stream.write(`\r\x1b[2K${line}`);
    },
    done() {
      if (shown) stream.write('\r\x1b[2K');
    },
  };
}
