import { stat } from 'node:fs/promises';
import type { Result } from '../../shared/api/result';
import { isQueueName, QUEUE_NAMES, type QueueName, type QueueOptions } from '../../shared/review/queues';
import { EngineError } from '../engine/errors';
import { withDriftExemplars } from '../engine/review/drift-exemplars';
import { Review } from '../engine/review/review';
import { Workspace } from '../engine/workspace';
import { listOption, requiredOption, stringOption } from './args';
import type { CommandIo, OptionSpec, ParsedArgs } from './command';
import { UsageError } from './usage-error';

/** Options of the commands that read a workspace's labels. */
export const REVIEW_OPTIONS: OptionSpec = {
  db: { type: 'string' },
  labels: { type: 'string', multiple: true },
};

/** The value of a Result, or its error thrown as the one-line message the CLI prints. */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new EngineError(result.error.code, result.error.message);
}

export async function openWorkspaceFile(path: string, options: { readOnly: boolean }): Promise<Workspace> {
  const found = await stat(path).catch(() => null);
  if (!found?.isFile()) throw new UsageError(`no such workspace: ${path} (make one with tracelens ingest SOURCE --db ${path})`);
  return Workspace.open({ path, readOnly: options.readOnly });
}

/** The workspace of `--db` opened read-only, with its labels (and those of `--labels` journals) replayed. */
export async function openReview(args: ParsedArgs, io: CommandIo): Promise<Review> {
  const workspace = await openWorkspaceFile(requiredOption(args, 'db'), { readOnly: true });
  try {
    const review = unwrap(await Review.open(workspace, { journals: listOption(args, 'labels') }));
    warnJournalProblems(review, io);
    return review;
  } catch (error) {
    workspace.close();
    throw error;
  }
}

function warnJournalProblems(review: Review, io: CommandIo): void {
  const [first] = review.problems;
  if (!first) return;
  io.stderr.write(`warning: ${review.problems.length} label journal line(s) skipped; ${first.source}:${first.line}: ${first.reason}\n`);
}

export function queueOption(args: ParsedArgs): QueueName | undefined {
  const name = stringOption(args, 'queue');
  if (name === undefined) return undefined;
  if (!isQueueName(name)) throw new UsageError(`unknown queue "${name}"; use one of: ${QUEUE_NAMES.join(', ')}`);
  return name;
}

function sampleRate(args: ParsedArgs): number | undefined {
  const rate = stringOption(args, 'sample-rate');
  if (rate === undefined) return undefined;
  const value = Number(rate);
  if (!(value > 0 && value <= 1)) throw new UsageError(`--sample-rate must be a share between 0 and 1, like 0.02 (got "${rate}")`);
  return value;
}

/**
 * The queues' options from `--sample-rate`; the drift queue's exemplars come from
 * running the drift checks (only those of the alert `--alert` names, when given),
 * only when `queue` is the drift queue or every queue is shown.
 */
export async function queueOptions(args: ParsedArgs, review: Review, queue: QueueName | 'all' | undefined): Promise<QueueOptions> {
  const options: QueueOptions = { sampleRate: sampleRate(args) };
  if (queue !== 'drift' && queue !== 'all') return options;
  return unwrap(await withDriftExemplars(review.workspace, options, {}, stringOption(args, 'alert')));
}
