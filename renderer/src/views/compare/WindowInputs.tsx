import type { Window } from './windows';

const toInput = (iso: string) => new Date(Date.parse(iso)).toISOString().slice(0, 16);
const fromInput = (value: string) => (value ? new Date(`${value}:00Z`).toISOString() : '');

/** One window's bounds as UTC inputs. */
export function WindowInputs({ label, window, onChange, testId }: { label: string; window: Window; onChange: (w: Window) => void; testId: string }) {
  return (
    <fieldset className="compare-window" data-testid={testId} data-since={window.since} data-until={window.until}>
      <legend>{label} (UTC)</legend>
      <input type="datetime-local" aria-label={`${label} from`} value={toInput(window.since)} onChange={(e) => e.target.value && onChange({ ...window, since: fromInput(e.target.value) })} />
      {' – '}
      <input type="datetime-local" aria-label={`${label} to`} value={toInput(window.until)} onChange={(e) => e.target.value && onChange({ ...window, until: fromInput(e.target.value) })} />
    </fieldset>
  );
}
