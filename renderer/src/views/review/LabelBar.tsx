import { FAILURE_REASONS, type FailureReason } from '../../../../shared/review/label-event';
import type { CurrentLabel } from '../../../../shared/review/replay';
import { PlainText } from '../../components/PlainText';

export interface LabelDraft {
  readonly note: string;
  readonly expected: string;
  readonly reason: FailureReason | null;
}

export const EMPTY_DRAFT: LabelDraft = { note: '', expected: '', reason: null };

/** A text field of the draft, opened by its key (n, e): Enter keeps the text, Escape drops the edit. */
function DraftField({ field, value, onDone }: { field: 'note' | 'expected'; value: string; onDone: (text: string | null) => void }) {
  return (
    <label>
      {field === 'note' ? 'Note ' : 'Expected answer '}
      <input
        autoFocus
        data-testid={`label-${field}`}
        defaultValue={value}
        onKeyDown={(e) => {
          if (e.key === 'Enter') onDone(e.currentTarget.value);
          if (e.key === 'Escape') onDone(null);
          e.stopPropagation();
        }}
      />
    </label>
  );
}

export function LabelBar(props: {
  draft: LabelDraft;
  editing: 'note' | 'expected' | null;
  onEdited: (field: 'note' | 'expected', text: string | null) => void;
  labels: readonly CurrentLabel[];
  saving: boolean;
  onClear: () => void;
}) {
  const { draft, editing } = props;
  return (
    <div className="panel">
      <div className="label-draft" data-testid="label-draft">
        {editing ? <DraftField key={editing} field={editing} value={draft[editing]} onDone={(text) => props.onEdited(editing, text)} /> : null}
        {draft.note ? <PlainText text={`note: ${draft.note}`} /> : null}
        {draft.expected ? <PlainText text={`expected: ${draft.expected}`} /> : null}
        {draft.reason ? <span data-testid="label-reason">{`reason: ${draft.reason}`}</span> : null}
        {props.saving ? <span role="status">Saving…</span> : null}
      </div>
      <p className="keys">
        <kbd>p</kbd> pass · <kbd>f</kbd> fail · <kbd>j</kbd>/<kbd>k</kbd> next/previous · <kbd>n</kbd> note · <kbd>e</kbd> expected · {FAILURE_REASONS.map((r, i) => `${i + 1} ${r}`).join(' · ')} · <kbd>u</kbd> undo
      </p>
      {props.labels.length > 0 ? (
        <ul data-testid="review-labels">
          <li>
            <button type="button" data-testid="label-clear" onClick={props.onClear}>
              Clear my label
            </button>
          </li>
          {props.labels.map((l) => (
            <li key={l.reviewer} className={`verdict-${l.verdict}`}>
              <PlainText text={`${l.reviewer}: ${l.verdict}${l.reason ? ` (${l.reason})` : ''}${l.note ? ` — ${l.note}` : ''}`} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">Not labeled yet.</p>
      )}
    </div>
  );
}
