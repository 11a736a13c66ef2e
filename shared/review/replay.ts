import type { FailureReason, Verdict } from './label-event';
import type { JournalEntry } from './journal-text';

/** A reviewer's current label on a call, after replaying the journal(s). */
export interface CurrentLabel {
  readonly request_id: string;
  readonly reviewer: string;
  readonly verdict: Verdict;
  readonly note: string | null;
  readonly expected: string | null;
  readonly reason: FailureReason | null;
  readonly labeled_at: string;
  /** Replay order: breaks ties between equal times (the later line wins). */
  readonly seq: number;
}

/** Events in the order they happened: by time, then by their order in the journals. */
export function chronological(entries: readonly JournalEntry[]): JournalEntry[] {
  return entries
    .map((entry, index) => ({ entry, index, at: Date.parse(entry.event.labeled_at) }))
    .sort((a, b) => a.at - b.at || a.index - b.index)
    .map((e) => e.entry);
}

/**
 * The current labels: for each (request_id, reviewer), the latest event wins; a
 * clearing event (verdict null) leaves no label. Sorted by request_id, reviewer.
 */
export function replayLabels(entries: readonly JournalEntry[]): CurrentLabel[] {
  const latest = new Map<string, CurrentLabel | null>();
  chronological(entries).forEach(({ event }, seq) => {
    const key = `${event.request_id}\u0000${event.reviewer}`;
    latest.delete(key);
    latest.set(
      key,
      event.verdict === null
        ? null
        : { request_id: event.request_id, reviewer: event.reviewer, verdict: event.verdict, note: event.note, expected: event.expected, reason: event.reason ?? null, labeled_at: event.labeled_at, seq },
    );
  });
  return [...latest.values()].filter((l): l is CurrentLabel => l !== null).sort(byRequestThenReviewer);
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byRequestThenReviewer(a: CurrentLabel, b: CurrentLabel): number {
  return compareText(a.request_id, b.request_id) || compareText(a.reviewer, b.reviewer);
}
