import type { QueueSummary } from '../../../../shared/api/methods/review';

/** A queue name from the URL that is not a queue stays the selection, marked unknown (the first queue would look picked). */
export function QueuePicker({ queues, current, onPick }: { queues: readonly QueueSummary[]; current: string; onPick: (name: string) => void }) {
  const unknown = !queues.some((q) => q.name === current);
  return (
    <label>
      Queue{' '}
      <select data-testid="review-queue" value={current} onChange={(e) => onPick(e.target.value)} aria-invalid={unknown || undefined}>
        {unknown ? (
          <option value={current} disabled>
            {`${current} (unknown queue)`}
          </option>
        ) : null}
        {queues.map((q) => (
          <option key={q.name} value={q.name}>
            {`${q.title} (${q.labeled}/${q.size})`}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Labeled / total for the queue, and per reviewer. */
export function QueueProgress({ queue }: { queue: QueueSummary | undefined }) {
  if (!queue) return null;
  return (
    <span className="queue-progress" data-testid="review-progress" data-labeled={queue.labeled} data-size={queue.size}>
      {`${queue.labeled} / ${queue.size} labeled`}
      {queue.by_reviewer.length > 0 ? ` · ${queue.by_reviewer.map((r) => `${r.reviewer} ${r.labeled}`).join(', ')}` : ''}
    </span>
  );
}
