import { useEffect, useState } from 'react';
import type { SliceControls } from './use-slice';

/** ISO time to the value of a datetime-local input, in UTC (trace times are UTC). */
function toInput(iso: string | undefined): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  return Number.isNaN(t) ? '' : new Date(t).toISOString().slice(0, 16);
}

function fromInput(value: string): string | undefined {
  return value ? new Date(`${value}:00Z`).toISOString() : undefined;
}

/** The time range as two UTC inputs (the keyboard way to do what brushing a chart does). */
export function RangeBar({ slice }: { slice: SliceControls }) {
  const [since, setSince] = useState(toInput(slice.filter.since));
  const [until, setUntil] = useState(toInput(slice.filter.until));
  useEffect(() => {
    setSince(toInput(slice.filter.since));
    setUntil(toInput(slice.filter.until));
  }, [slice.filter.since, slice.filter.until]);
  const active = Boolean(slice.filter.since || slice.filter.until);
  return (
    <form
      className="range-bar"
      data-testid="range"
      data-since={slice.filter.since ?? ''}
      data-until={slice.filter.until ?? ''}
      onSubmit={(e) => {
        e.preventDefault();
        slice.setRange(fromInput(since), fromInput(until));
      }}
    >
      <label>
        From (UTC) <input type="datetime-local" value={since} onChange={(e) => setSince(e.target.value)} />
      </label>
      <label>
        to <input type="datetime-local" value={until} onChange={(e) => setUntil(e.target.value)} />
      </label>
      <button type="submit">Apply</button>
      {active ? (
        <button type="button" data-testid="range-clear" onClick={() => slice.setRange(undefined, undefined)}>
          All time
        </button>
      ) : null}
    </form>
  );
}
