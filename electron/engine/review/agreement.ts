import { type JudgeAgreement, judgeAgreement, type ReviewerAgreement, reviewerAgreement } from '../../../shared/review/agreement';
import { resolveLabels } from '../../../shared/review/conflicts';
import type { CurrentLabel } from '../../../shared/review/replay';
import { QUEUE_DEFAULTS, type QueueName, type QueueOptions } from '../../../shared/review/queues';
import { queueRequestIds } from './queues';
import type { Review } from './review';

export interface AgreementReport {
  /** Calls with at least one label (in the queue, when one is given). */
  readonly labeled: number;
  /** Calls whose reviewers disagree. */
  readonly conflicts: number;
  readonly reviewers: ReviewerAgreement;
  /** Per judge score name: how its fails line up with human verdicts (calls without conflicting labels). */
  readonly judges: readonly JudgeAgreement[];
}

export interface AgreementOptions extends QueueOptions {
  readonly queue?: QueueName;
}

async function labelsIn(review: Review, options: AgreementOptions): Promise<readonly CurrentLabel[]> {
  if (!options.queue) return review.labels;
  const ids = await queueRequestIds(review, options.queue, options);
  return review.labels.filter((l) => ids.has(l.request_id));
}

export async function agreementReport(review: Review, options: AgreementOptions = {}): Promise<AgreementReport> {
  const labels = await labelsIn(review, options);
  const { resolved, conflicts } = resolveLabels(labels, 'none');
  const human = new Map(resolved.map((r) => [r.request_id, r.label.verdict]));
  const scores = await review.workspace.db.all<{ request_id: string; name: string; score: number }>(
    `SELECT request_id, name, min(value) AS score FROM scores
     WHERE lower(source) = 'judge' AND value IS NOT NULL AND request_id IN (SELECT request_id FROM labels)
     GROUP BY request_id, name ORDER BY name, request_id`,
  );
  const threshold = options.judgeLow ?? QUEUE_DEFAULTS.judgeLow;
  const names = [...new Set(scores.map((s) => s.name))];
  const judges = names.map((name) =>
    judgeAgreement(
      name,
      scores.filter((s) => s.name === name && human.has(s.request_id)).map((s) => ({ score: s.score, human: human.get(s.request_id)! })),
      threshold,
    ),
  );
  return { labeled: new Set(labels.map((l) => l.request_id)).size, conflicts: conflicts.length, reviewers: reviewerAgreement(labels), judges };
}
