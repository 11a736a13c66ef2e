import type { JournalEntry } from './journal-text';
import { serializeLabelEvent } from './label-event';
import { chronological } from './replay';

/**
 * The text of one journal holding every event of several: in time order (ties
 * keep the order the journals were given), an event present in more than one
 * copy written once. Replaying it gives the same labels as replaying them all.
 */
export function mergeJournalEntries(entries: readonly JournalEntry[]): { text: string; events: number; duplicates: number } {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const { event } of chronological(entries)) {
    const line = serializeLabelEvent(event);
    if (seen.has(line)) continue;
    seen.add(line);
    lines.push(line);
  }
  return { text: lines.map((l) => l + '\n').join(''), events: lines.length, duplicates: entries.length - lines.length };
}
