import { FAILURE_REASONS, isFailureReason, isVerdict, type LabelInput, serializeLabelEvent } from '../../../shared/review/label-event';
import { EngineError } from '../../engine/errors';
import { LabelJournal } from '../../engine/review/journal';
import { defaultReviewer } from '../../engine/review/reviewer';
import { callExists, saveLabel } from '../../engine/review/save-label';
import { flag, requiredOption, stringOption } from '../args';
import type { Command, ParsedArgs } from '../command';
import { openReview, REVIEW_OPTIONS, unwrap } from '../open-review';
import { UsageError } from '../usage-error';

function labelInput(args: ParsedArgs): LabelInput {
  const requestId = requiredOption(args, 'request-id');
  const verdict = stringOption(args, 'verdict');
  const clear = flag(args, 'clear');
  if (clear === (verdict !== undefined)) throw new UsageError('give --verdict pass|fail, or --clear to remove your label');
  if (verdict !== undefined && !isVerdict(verdict)) throw new UsageError(`--verdict must be pass or fail (got "${verdict}")`);
  const reason = stringOption(args, 'reason');
  if (reason !== undefined && !isFailureReason(reason)) throw new UsageError(`--reason must be one of: ${FAILURE_REASONS.join(', ')} (got "${reason}")`);
  if (reason !== undefined && verdict !== 'fail') throw new UsageError('--reason goes with --verdict fail');
  const reviewer = stringOption(args, 'reviewer')?.trim() || defaultReviewer();
  return { request_id: requestId, verdict: clear ? null : (verdict as LabelInput['verdict']), note: stringOption(args, 'note'), expected: stringOption(args, 'expected'), reviewer, reason };
}

export const labelCommand: Command = {
  name: 'label',
  summary: 'label a call pass or fail (saved to the workspace\'s label journal)',
  usage: 'tracelens label --db FILE --request-id ID (--verdict pass|fail | --clear) [--note T] [--expected T] [--reviewer NAME] [--reason R] [--json]',
  options: {
    db: REVIEW_OPTIONS['db']!,
    'request-id': { type: 'string' },
    verdict: { type: 'string' },
    clear: { type: 'boolean' },
    note: { type: 'string' },
    expected: { type: 'string' },
    reviewer: { type: 'string' },
    reason: { type: 'string' },
  },
  async run(args, io) {
    const input = labelInput(args);
    const review = await openReview(args, io);
    try {
      // Checked before the journal is opened, so a mistyped id leaves no trace on disk.
      if (!(await callExists(review, input.request_id))) throw new EngineError('unknown_request', `no call with request_id "${input.request_id}" in this workspace`);
      const journal = unwrap(await LabelJournal.open(review.journalPath!));
      try {
        const event = unwrap(await saveLabel(review, journal, input));
        if (flag(args, 'json')) io.stdout.write(serializeLabelEvent(event) + '\n');
        else io.stdout.write(`saved: ${event.verdict ?? 'cleared'} for ${event.request_id} by ${event.reviewer} (${journal.path})\n`);
        return 0;
      } finally {
        await journal.close();
      }
    } finally {
      review.workspace.close();
    }
  },
};
