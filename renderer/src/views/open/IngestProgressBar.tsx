import type { IngestProgress } from '../../../../shared/domain/ingest';
import { PlainText } from '../../components/PlainText';
import { formatCount } from '../../charts/format';

function mb(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(1)} MB`;
}

/** Bytes and rows read so far, for the file being loaded. */
export function IngestProgressBar({ progress }: { progress: IngestProgress }) {
  const fraction = progress.bytesTotal > 0 ? progress.bytesDone / progress.bytesTotal : 0;
  return (
    <div className="ingest-progress" data-testid="ingest-progress">
      <progress max={1} value={fraction} aria-label="Ingest progress" />
      <div>
        File {progress.fileIndex + 1} of {progress.fileCount}: <PlainText text={progress.source} /> · {mb(progress.bytesDone)} of {mb(progress.bytesTotal)} · {formatCount(progress.rows)} rows
      </div>
    </div>
  );
}
