import { ok, type Result } from '../../../shared/api/result';
import type { JournalProblem } from '../../../shared/review/journal-text';
import { mergeJournalEntries } from '../../../shared/review/merge-journals';
import { writeFileAtomic } from './atomic-write';
import { readJournals } from './read-journals';

export interface JournalMergeReport {
  readonly events: number;
  readonly duplicates: number;
  readonly problems: readonly JournalProblem[];
}

/** Writes one journal with the events of `inputs` (which are only read). */
export async function mergeJournalFiles(inputs: readonly string[], out: string): Promise<Result<JournalMergeReport>> {
  const read = await readJournals(inputs.map((path) => ({ path, required: true })));
  if (!read.ok) return read;
  const merged = mergeJournalEntries(read.value.entries);
  const written = await writeFileAtomic(out, merged.text);
  if (!written.ok) return written;
  return ok({ events: merged.events, duplicates: merged.duplicates, problems: read.value.problems });
}
