import type { DownloadProgress } from '../../shared/domain/download';
import { formatBytes, formatCount } from '../../shared/domain/format-units';

/** A one-line download display (objects, bytes) on a terminal's stderr; silent elsewhere. Clears itself when done. */
export function downloadProgress(stream: NodeJS.WritableStream & { isTTY?: boolean }): ((p: DownloadProgress) => void) | undefined {
  if (!stream.isTTY) return undefined;
  let last = 0;
  return (p) => {
    const finished = p.objectsDone === p.objectsTotal;
    const now = Date.now();
    if (!finished && now - last < 100) return;
    last = now;
    if (finished) {
      stream.write('\r\x1b[2K');
      return;
    }
    const cached = p.cached > 0 ? `, ${formatCount(p.cached)} cached` : '';
    stream.write(`\r\x1b[2KDownloading ${formatCount(p.objectsDone)}/${formatCount(p.objectsTotal)} objects${cached}  ${formatBytes(p.bytesDone)} of ${formatBytes(p.bytesTotal)}`);
  };
}
