import { useState } from 'react';
import type { GoldWritten } from '../../../../shared/api/methods/review';
import type { AppError } from '../../../../shared/api/result';
import { QUEUES } from '../../../../shared/review/queues';
import { useApiResult } from '../../app/use-api-result';
import { useApi, useWorkspace } from '../../app/workspace';
import { PlainText } from '../../components/PlainText';
import { ErrorNotice, Loading } from '../../components/Status';
import '../review/review.css';

type Verdict = 'fail' | 'pass' | 'all';

/** `gold.jsonl` beside the workspace file, as a starting point for the destination. */
function defaultDestination(path: string | null): string {
  if (!path) return 'gold.jsonl';
  const at = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return `${path.slice(0, at + 1)}gold.jsonl`;
}

/** Choose what goes into the gold file, see its first rows exactly as they will be written, then write it. */
export function ExportGold() {
  const api = useApi();
  const { workspace } = useWorkspace();
  const [verdict, setVerdict] = useState<Verdict>('fail');
  const [queue, setQueue] = useState('');
  const [latest, setLatest] = useState(false);
  const [merge, setMerge] = useState('');
  const [out, setOut] = useState(() => defaultDestination(workspace.state === 'ok' ? workspace.value.path : null));
  const [written, setWritten] = useState<GoldWritten | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const request = { verdict, queue: queue || undefined, resolve: latest ? ('latest' as const) : ('none' as const), merge: merge.trim() || undefined };
  const preview = useApiResult(() => api.previewGold({ ...request, lines: 20 }), [api, verdict, queue, latest, merge]);

  const write = async () => {
    setError(null);
    setWritten(null);
    const result = await api.exportGold({ ...request, out });
    if (result.ok) setWritten(result.value);
    else setError(result.error);
  };

  return (
    <section className="export-gold" data-testid="export-gold">
      <h1>Export gold</h1>
      <form
        className="panel toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          void write();
        }}
      >
        <label>
          Verdict{' '}
          <select data-testid="gold-verdict" value={verdict} onChange={(e) => setVerdict(e.target.value as Verdict)}>
            <option value="fail">fail</option>
            <option value="pass">pass</option>
            <option value="all">all</option>
          </select>
        </label>
        <label>
          Queue{' '}
          <select data-testid="gold-queue" value={queue} onChange={(e) => setQueue(e.target.value)}>
            <option value="">every labeled call</option>
            {QUEUES.map((q) => (
              <option key={q.name} value={q.name}>
                {q.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" checked={latest} onChange={(e) => setLatest(e.target.checked)} /> take the latest label when reviewers disagree
        </label>
        <label>
          Merge into{' '}
          <input data-testid="gold-merge" placeholder="an existing gold file (optional)" value={merge} onChange={(e) => setMerge(e.target.value)} />
        </label>
        <label>
          Destination <input data-testid="gold-destination" value={out} onChange={(e) => setOut(e.target.value)} required />
        </label>
        <button type="submit" data-testid="gold-write" disabled={preview.state !== 'ok' || preview.value.rows === 0}>
          Write the gold file
        </button>
      </form>
      {error ? <ErrorNotice error={error} /> : null}
      {written ? (
        <p role="status" data-testid="gold-written" data-rows={written.rows}>
          <PlainText text={`Wrote ${written.rows} row(s) to ${written.path}.`} />
        </p>
      ) : null}
      {preview.state === 'loading' ? <Loading what="the preview" /> : null}
      {preview.state === 'error' ? <ErrorNotice error={preview.error} /> : null}
      {preview.state === 'ok' ? (
        <>
          <p data-testid="gold-count" data-rows={preview.value.rows}>
            {`${preview.value.rows} row(s) in the file: ${preview.value.added} from these labels, ${preview.value.kept} kept from the merged file. PII is masked in every field.`}
          </p>
          {preview.value.warnings.map((w) => (
            <p key={w} className="save-error" data-testid="gold-warning">
              <PlainText text={w} />
            </p>
          ))}
          <pre className="call-text" data-testid="gold-preview">
            {preview.value.lines.length === 0 ? 'No labeled calls match: label some in Review first.' : <PlainText text={preview.value.lines.join('\n')} />}
          </pre>
        </>
      ) : null}
    </section>
  );
}
