import { useState } from 'react';
import type { ExportResult } from '../../../../shared/api/methods/explore-charts';
import type { AppError } from '../../../../shared/api/result';
import type { SliceFilter } from '../../../../shared/query/filter';
import { useApi } from '../../app/workspace';
import { PlainText } from '../../components/PlainText';
import { ErrorNotice } from '../../components/Status';
import { formatCount } from '../../charts/format';
import type { SortKey } from './table-url';

/** Writes the current slice (these columns, this order) to a CSV or JSONL file through the engine. */
export function ExportControls({ filter, columns, sort }: { filter: SliceFilter; columns: readonly string[]; sort: readonly SortKey[] }) {
  const api = useApi();
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const [maskPii, setMaskPii] = useState(true);
  const [outcome, setOutcome] = useState<{ ok: ExportResult } | { error: AppError } | undefined>(undefined);
  const run = async (format: 'csv' | 'jsonl') => {
    setBusy(true);
    setOutcome(undefined);
    const result = await api.exportCalls({ filter, columns: columns as never, sort: [...sort], format, maskPii, ...(path.trim() ? { path: path.trim() } : {}) });
    setBusy(false);
    setOutcome(result.ok ? { ok: result.value } : { error: result.error });
  };
  return (
    <details className="export-controls" data-testid="export-controls">
      <summary>Export</summary>
      <div className="export-body">
        <label>
          File (absolute path, empty for Downloads){' '}
          <input type="text" size={40} value={path} onChange={(e) => setPath(e.target.value)} data-testid="export-path" spellCheck={false} />
        </label>
        <label title="Cards, SSNs, emails, phone numbers and keys replaced by [PAN], [SSN], ... as in gold files">
          <input type="checkbox" checked={maskPii} onChange={(e) => setMaskPii(e.target.checked)} data-testid="export-mask" /> Mask PII
        </label>
        <button type="button" disabled={busy} onClick={() => void run('csv')} data-testid="export-csv">
          CSV
        </button>
        <button type="button" disabled={busy} onClick={() => void run('jsonl')} data-testid="export-jsonl">
          JSONL
        </button>
        {busy ? <span role="status">Writing…</span> : null}
        {outcome && 'ok' in outcome ? (
          <p role="status" data-testid="export-done">
            Wrote {formatCount(outcome.ok.rows)} calls{outcome.ok.masked ? ' (PII masked)' : ' (text as logged, PII not masked)'} to <PlainText text={outcome.ok.path} />
          </p>
        ) : null}
        {outcome && 'error' in outcome ? <ErrorNotice error={outcome.error} /> : null}
      </div>
    </details>
  );
}
