import { readFile } from 'node:fs/promises';
import { err, ok, type Result } from '../../../shared/api/result';
import { type JournalEntry, type JournalProblem, parseJournalText } from '../../../shared/review/journal-text';

export interface JournalSource {
  readonly path: string;
  /** A workspace's own journal may not exist yet (nothing labeled); a journal the user named must. */
  readonly required: boolean;
}

export interface ReadJournals {
  readonly entries: JournalEntry[];
  readonly problems: JournalProblem[];
}

/** Reads journals in the order given (their events' order breaks ties in time). Never writes to them. */
export async function readJournals(sources: readonly JournalSource[]): Promise<Result<ReadJournals>> {
  const entries: JournalEntry[] = [];
  const problems: JournalProblem[] = [];
  for (const source of sources) {
    let text: string;
    try {
      text = await readFile(source.path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' && !source.required) continue;
      return code === 'ENOENT' ? err('not_found', `no such label journal: ${source.path}`) : err('bad_input', `cannot read the label journal ${source.path} (${code ?? String(error)})`);
    }
    const parsed = parseJournalText(text, source.path);
    entries.push(...parsed.entries);
    problems.push(...parsed.problems);
  }
  return ok({ entries, problems });
}
