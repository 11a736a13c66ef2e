import { ok, type Result } from '../../../shared/api/result';
import type { JournalEntry, JournalProblem } from '../../../shared/review/journal-text';
import type { LabelEvent } from '../../../shared/review/label-event';
import { type CurrentLabel, replayLabels } from '../../../shared/review/replay';
import type { SqlParam } from '../../../shared/query/sql';
import type { Workspace } from '../workspace';
import { journalPathFor } from './journal-path';
import { readJournals, type JournalSource } from './read-journals';

export interface ReviewOptions {
  /** More journals to read besides the workspace's own (other reviewers' copies). */
  readonly journals?: readonly string[];
}

const LABELS_DDL = `CREATE OR REPLACE TEMP TABLE labels (
  request_id VARCHAR, reviewer VARCHAR, verdict VARCHAR, note VARCHAR, expected VARCHAR,
  reason VARCHAR, labeled_at TIMESTAMPTZ, seq BIGINT)`;

const ROWS_PER_INSERT = 500;

function labelParams(label: CurrentLabel): SqlParam[] {
  return [label.request_id, label.reviewer, label.verdict, label.note, label.expected, label.reason, label.labeled_at, label.seq];
}

async function insertLabels(workspace: Workspace, labels: readonly CurrentLabel[]): Promise<void> {
  for (let start = 0; start < labels.length; start += ROWS_PER_INSERT) {
    const chunk = labels.slice(start, start + ROWS_PER_INSERT);
    const params = chunk.flatMap(labelParams);
    const rows = chunk.map((_, i) => `(${Array.from({ length: 8 }, (_, j) => `$${i * 8 + j + 1}`).join(', ')})`);
    await workspace.db.exec(`INSERT INTO labels VALUES ${rows.join(', ')}`, params);
  }
}

/**
 * The labels of an open workspace: its journal (and any others given) replayed
 * into a TEMP `labels` table for joins (current label per call and reviewer),
 * with the lines that could not be read. The journals are the record; the
 * table lives only as long as the connection.
 */
export class Review {
  private constructor(
    readonly workspace: Workspace,
    /** Where this workspace's labels are written; undefined for an in-memory workspace. */
    readonly journalPath: string | undefined,
    private readonly entries: JournalEntry[],
    private current: CurrentLabel[],
    readonly problems: readonly JournalProblem[],
  ) {}

  static async open(workspace: Workspace, options: ReviewOptions = {}): Promise<Result<Review>> {
    const journalPath = workspace.path ? journalPathFor(workspace.path) : undefined;
    const sources: JournalSource[] = [
      ...(journalPath ? [{ path: journalPath, required: false }] : []),
      ...(options.journals ?? []).filter((p) => p !== journalPath).map((path) => ({ path, required: true })),
    ];
    const read = await readJournals(sources);
    if (!read.ok) return read;
    const current = replayLabels(read.value.entries);
    await workspace.db.exec(LABELS_DDL);
    await insertLabels(workspace, current);
    return ok(new Review(workspace, journalPath, read.value.entries, current, read.value.problems));
  }

  /** Current labels, sorted by request_id then reviewer. */
  get labels(): readonly CurrentLabel[] {
    return this.current;
  }

  /** Takes in an event just written to the journal, so queues and exports see it at once. */
  async record(event: LabelEvent): Promise<void> {
    this.entries.push({ event, source: this.journalPath ?? '', line: this.entries.length + 1 });
    this.current = replayLabels(this.entries);
    await this.workspace.db.exec('DELETE FROM labels WHERE request_id = $1 AND reviewer = $2', [event.request_id, event.reviewer]);
    const now = this.current.find((l) => l.request_id === event.request_id && l.reviewer === event.reviewer);
    if (now) await insertLabels(this.workspace, [now]);
  }
}
