import { err, type Result } from '../../../shared/api/result';
import type { LabelEvent, LabelInput } from '../../../shared/review/label-event';
import type { LabelJournal } from './journal';
import type { Review } from './review';

export async function callExists(review: Review, requestId: string): Promise<boolean> {
  return (await review.workspace.db.one('SELECT 1 AS found FROM calls WHERE request_id = $1 LIMIT 1', [requestId])) !== undefined;
}

/** Saves a reviewer's label: the call must exist; success only once the journal has it on disk. */
export async function saveLabel(review: Review, journal: LabelJournal, input: LabelInput): Promise<Result<LabelEvent>> {
  if (!(await callExists(review, input.request_id))) return err('unknown_request', `no call with request_id "${input.request_id}" in this workspace`);
  const saved = await journal.append(input);
  if (saved.ok) await review.record(saved.value);
  return saved;
}
