import { z } from 'zod';
import type { LabelConflict } from '../../review/conflicts';
import type { GoldRow } from '../../review/gold-row';
import type { FailureReason, LabelEvent } from '../../review/label-event';
import { FAILURE_REASONS, VERDICTS } from '../../review/label-event';
import { QUEUE_NAMES } from '../../review/queues';
import type { CurrentLabel } from '../../review/replay';
import type { JudgeAgreement, ReviewerAgreement } from '../../review/agreement';
import { method } from '../method';
import { Filter } from '../schemas';

/** Methods of the review: queues, labels (saved to the journal before they are acknowledged), agreement, gold export. */

import type { QueueItem, QueueSummary } from '../../review/queues';

export type { QueueItem, QueueSummary };

export interface ReviewState {
  /** The label journal; null when the workspace lives in memory (labels cannot be saved). */
  readonly journal: string | null;
  readonly reviewer: string;
  /** Journal lines that could not be read (torn or invalid). */
  readonly skippedLines: number;
}

export interface SavedLabel {
  readonly event: LabelEvent;
  /** The reviewer's labels, newest first, that `undoLabel` can go back over. */
  readonly undoDepth: number;
}

export interface AgreementStats {
  readonly labeled: number;
  readonly conflicts: number;
  readonly reviewers: ReviewerAgreement;
  readonly judges: readonly JudgeAgreement[];
}

export interface GoldPreview {
  /** The first lines of the file exactly as they will be written. */
  readonly lines: readonly string[];
  /** Rows the file will hold (kept from a merged file included). */
  readonly rows: number;
  readonly added: number;
  readonly kept: number;
  readonly conflicts: readonly LabelConflict[];
  readonly unknownCalls: readonly string[];
  /** What the user should know before exporting (skipped lines, conflicts, unknown calls), one line each. */
  readonly warnings: readonly string[];
}

export interface GoldWritten extends GoldPreview {
  readonly path: string;
}

export type { CurrentLabel, FailureReason, GoldRow };

const RequestId = z.string().min(1).max(1000);
const Queue = z.enum(QUEUE_NAMES as [string, ...string[]]);
const Text = z.string().max(100_000).nullable().optional();
/** An alert of the last drift run, by `alertKey`. */
const AlertKey = z.string().min(1).max(4096);

const GoldRequest = z.strictObject({
  verdict: z.enum(['fail', 'pass', 'all']).default('fail'),
  queue: Queue.optional(),
  /** A gold file to merge into: its rows are kept, not duplicated. */
  merge: z.string().trim().min(1).max(4096).optional(),
  /** `latest`: a call whose reviewers disagree takes the latest label instead of being left out. */
  resolve: z.enum(['none', 'latest']).default('none'),
});

export const REVIEW_METHODS = {
  reviewState: method<ReviewState>()(z.strictObject({}), 'Where labels are saved and who labels.'),
  reviewQueues: method<{ readonly queues: readonly QueueSummary[] }>()(
    z.strictObject({ filter: Filter.default({}), alert: AlertKey.optional() }),
    'Every review queue with its size and progress (labeled / total, per reviewer), restricted to a slice; `alert` restricts the drift queue to that alert\'s exemplars.',
  ),
  queueItems: method<{ readonly items: readonly QueueItem[] }>()(
    z.strictObject({
      queue: Queue,
      filter: Filter.default({}),
      alert: AlertKey.optional(),
      offset: z.number().int().min(0).max(1_000_000_000).default(0),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
    "A page of a queue's calls in the queue's order, with who labeled each.",
  ),
  callLabels: method<{ readonly labels: readonly CurrentLabel[] }>()(z.strictObject({ requestId: RequestId }), "A call's current labels, one per reviewer."),
  saveLabel: method<SavedLabel>()(
    z.strictObject({
      requestId: RequestId,
      /** null clears the reviewer's label. */
      verdict: z.enum(VERDICTS).nullable(),
      note: Text,
      expected: Text,
      reason: z.enum(FAILURE_REASONS).nullable().optional(),
    }),
    "Saves the settings' reviewer's label; answers only once the journal line is fsync'd.",
  ),
  saveLabels: method<{ readonly events: readonly LabelEvent[] }>()(
    z.strictObject({
      requestIds: z.array(RequestId).min(1).max(10_000),
      verdict: z.enum(VERDICTS).nullable(),
      note: Text,
      reason: z.enum(FAILURE_REASONS).nullable().optional(),
    }),
    'Labels a selection of calls at once: one write, one fsync, all or nothing.',
  ),
  undoLabel: method<{ readonly event: LabelEvent | null; readonly undoDepth: number }>()(
    z.strictObject({}),
    "Puts back the reviewer's label as it was before their last save in this session (a new journal line); null when there is nothing to undo.",
  ),
  agreement: method<AgreementStats>()(
    z.strictObject({ queue: Queue.optional(), filter: Filter.default({}), alert: AlertKey.optional() }),
    "Kappa between reviewers and judge-vs-human agreement, for a queue's calls (in a slice; `alert` as for queueItems); all labeled calls without a queue.",
  ),
  previewGold: method<GoldPreview>()(GoldRequest.extend({ lines: z.number().int().min(1).max(200).default(20) }), 'The gold file as it would be written: its first lines (PII masked), count and warnings.'),
  exportGold: method<GoldWritten>()(
    GoldRequest.extend({ out: z.string().trim().min(1).max(4096) }),
    'Writes the gold file (temp file and rename: never half-written).',
  ),
};
