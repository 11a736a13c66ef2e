import { useState } from 'react';
import type { AppError } from '../../../../shared/api/result';
import { FAILURE_REASONS, type FailureReason } from '../../../../shared/review/label-event';
import { useApiResult } from '../../app/use-api-result';
import { useApi } from '../../app/workspace';
import { ErrorNotice } from '../../components/Status';
import { formatCount } from '../../charts/format';

type Outcome = { readonly saved: number; readonly verdict: 'pass' | 'fail' } | { readonly error: AppError };

/**
 * The same label on every selected call, in one journal write: the selection is
 * kept until the engine says the lines are on disk, and kept on a failed save so
 * nothing has to be picked again.
 */
export function BulkLabel({ selected, onSaved, onClear }: { selected: readonly string[]; onSaved: () => void; onClear: () => void }) {
  const api = useApi();
  const state = useApiResult(() => api.reviewState({}), [api]);
  const [note, setNote] = useState('');
  const [reason, setReason] = useState<FailureReason | ''>('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | undefined>(undefined);
  const noJournal = state.state === 'ok' && state.value.journal === null;

  const save = async (verdict: 'pass' | 'fail') => {
    setBusy(true);
    setOutcome(undefined);
    const result = await api.saveLabels({
      requestIds: [...selected],
      verdict,
      note: note.trim() || null,
      reason: verdict === 'fail' && reason ? reason : null,
    });
    setBusy(false);
    if (!result.ok) {
      setOutcome({ error: result.error });
      return;
    }
    setOutcome({ saved: result.value.events.length, verdict });
    setNote('');
    setReason('');
    onSaved();
  };

  if (selected.length === 0) {
    return outcome && 'saved' in outcome ? (
      <p className="bulk-label muted" role="status" data-testid="bulk-saved" data-count={outcome.saved}>
        {`Labeled ${formatCount(outcome.saved)} calls ${outcome.verdict} (saved to the label journal).`}
      </p>
    ) : null;
  }
  return (
    <div className="bulk-label" data-testid="bulk-label" data-count={selected.length}>
      <strong>{`${formatCount(selected.length)} selected`}</strong>
      <label>
        Note <input type="text" size={28} value={note} onChange={(e) => setNote(e.target.value)} data-testid="bulk-note" spellCheck={false} />
      </label>
      <label>
        Reason (fail){' '}
        <select value={reason} onChange={(e) => setReason(e.target.value as FailureReason | '')} data-testid="bulk-reason">
          <option value="">none</option>
          {FAILURE_REASONS.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </label>
      <button type="button" disabled={busy || noJournal} onClick={() => void save('pass')} data-testid="bulk-pass">
        Label pass
      </button>
      <button type="button" disabled={busy || noJournal} onClick={() => void save('fail')} data-testid="bulk-fail">
        Label fail
      </button>
      <button type="button" disabled={busy} onClick={onClear} data-testid="bulk-clear">
        Clear selection
      </button>
      {busy ? <span role="status">Saving…</span> : null}
      {noJournal ? <span className="muted">Labels need a workspace file: open a .duckdb workspace or serve with --db.</span> : null}
      {outcome && 'error' in outcome ? (
        <div data-testid="bulk-error">
          Not saved: <ErrorNotice error={outcome.error} />
        </div>
      ) : null}
    </div>
  );
}
