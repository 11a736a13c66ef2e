import { type LabelEvent, validateLabelEvent } from './label-event';

/** An event with where it was read: its journal and 1-based line. */
export interface JournalEntry {
  readonly event: LabelEvent;
  readonly source: string;
  readonly line: number;
}

export interface JournalProblem {
  readonly source: string;
  readonly line: number;
  readonly reason: string;
}

export interface ParsedJournal {
  readonly entries: JournalEntry[];
  readonly problems: JournalProblem[];
}

/**
 * Reads a journal's text. Blank lines are fine; a line that is not a valid event
 * is reported with its line number and skipped. A last line with no newline that
 * does not parse is a write cut short by a crash: reported as torn, never fatal.
 */
export function parseJournalText(text: string, source: string): ParsedJournal {
  const entries: JournalEntry[] = [];
  const problems: JournalProblem[] = [];
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const lines = body.split('\n');
  const endsWithNewline = body.endsWith('\n');
  lines.forEach((raw, index) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') return;
    const isTail = index === lines.length - 1 && !endsWithNewline;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      problems.push({ source, line: index + 1, reason: isTail ? 'torn last line (a write cut short), skipped' : 'invalid JSON, skipped' });
      return;
    }
    const checked = validateLabelEvent(value);
    if (checked.ok) entries.push({ event: checked.value, source, line: index + 1 });
    else problems.push({ source, line: index + 1, reason: `${checked.error.message}, skipped` });
  });
  return { entries, problems };
}
