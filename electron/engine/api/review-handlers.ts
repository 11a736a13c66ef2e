import { resolve } from 'node:path';
import type { GoldPreview, REVIEW_METHODS } from '../../../shared/api/methods/review';
import type { SliceFilter } from '../../../shared/query/filter';
import type { QueueName } from '../../../shared/review/queues';
import { EngineError } from '../errors';
import { agreementReport, buildGold, type GoldBuild, type GoldOptions, queueItems, queueSummaries } from '../review/index';
import { writeFileAtomic } from '../review/atomic-write';
import type { ReviewSession } from '../review-session';
import type { Session } from '../session';
import type { HandlerGroup } from './handlers';

interface GoldRequest {
  readonly verdict: 'fail' | 'pass' | 'all';
  readonly queue?: string;
  readonly merge?: string;
  readonly resolve: 'none' | 'latest';
}

function plural(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}

/** What the user should know before a gold file leaves the laptop. */
async function goldWarnings(session: Session, build: GoldBuild, journalSkipped: number, resolve: 'none' | 'latest'): Promise<string[]> {
  const warnings: string[] = [];
  const skipped = await session.workspace.db.one<{ n: number | null }>('SELECT sum(skipped) AS n FROM sources');
  const lines = Number(skipped?.n ?? 0);
  if (lines > 0) warnings.push(`${plural(lines, 'malformed line')} of the sources were skipped at load: their calls cannot be in the gold file.`);
  if (journalSkipped > 0) warnings.push(`${plural(journalSkipped, 'label journal line')} could not be read and were ignored.`);
  const { conflicts, unknown_calls: unknown } = build.report;
  if (conflicts.length > 0) {
    const first = conflicts[0]!;
    const how = resolve === 'latest' ? 'the latest label was taken' : 'left out (choose "take the latest label" to keep them)';
    warnings.push(`${plural(conflicts.length, 'call')} with conflicting labels, ${how}; first: ${first.request_id} (${first.labels.map((l) => `${l.reviewer} ${l.verdict}`).join(', ')}).`);
  }
  if (unknown.length > 0) warnings.push(`${plural(unknown.length, 'labeled request id')} not in this workspace, left out; first: ${unknown[0]}.`);
  return warnings;
}

export function reviewHandlers(session: Session, state: ReviewSession): HandlerGroup<keyof typeof REVIEW_METHODS> {
  const queueOptions = (filter: SliceFilter, alert?: string) => state.queueOptions({ filter }, alert);

  async function build(request: GoldRequest, lines: number): Promise<{ preview: GoldPreview; text: string }> {
    const review = await state.current();
    const options: GoldOptions = {
      ...(request.queue ? await queueOptions({}) : {}),
      verdict: request.verdict,
      queue: request.queue as QueueName | undefined,
      merge: request.merge === undefined ? undefined : resolve(request.merge),
      resolve: request.resolve,
    };
    const built = await buildGold(review, options);
    if (!built.ok) throw new EngineError(built.error.code, built.error.message);
    const { report, text } = built.value;
    const preview: GoldPreview = {
      lines: text.split('\n').filter((l) => l !== '').slice(0, lines),
      rows: report.rows,
      added: report.added,
      kept: report.kept,
      conflicts: report.conflicts,
      unknownCalls: report.unknown_calls,
      warnings: await goldWarnings(session, built.value, review.problems.length, request.resolve),
    };
    return { preview, text };
  }

  return {
    reviewState: async () => {
      const review = await state.current();
      return { journal: review.journalPath ?? null, reviewer: (await state.settings.get()).reviewer, skippedLines: review.problems.length };
    },
    reviewQueues: async ({ filter, alert }) => ({ queues: await queueSummaries(await state.current(), await queueOptions(filter, alert)) }),
    queueItems: async ({ queue, filter, alert, offset, limit }) => ({
      items: await queueItems(await state.current(), queue as QueueName, { ...(await queueOptions(filter, alert)), offset, limit }),
    }),
    callLabels: async ({ requestId }) => ({ labels: (await state.current()).labels.filter((l) => l.request_id === requestId) }),
    saveLabel: async ({ requestId, verdict, note, expected, reason }) => {
      const [event] = await state.save([{ request_id: requestId, verdict, note, expected, reason: verdict === 'fail' ? reason : null }]);
      return { event: event!, undoDepth: state.undoDepth };
    },
    saveLabels: async ({ requestIds, verdict, note, reason }) => ({
      events: await state.save(requestIds.map((id) => ({ request_id: id, verdict, note, reason: verdict === 'fail' ? reason : null }))),
    }),
    undoLabel: async () => {
      const undone = await state.undoLast();
      if (!undone.ok) throw new EngineError(undone.error.code, undone.error.message);
      return { event: undone.value[0] ?? null, undoDepth: state.undoDepth };
    },
    agreement: async ({ queue, filter, alert }) => {
      const review = await state.current();
      return agreementReport(review, { ...(queue ? await queueOptions(filter, alert) : {}), queue: queue as QueueName | undefined });
    },
    previewGold: async (request) => (await build(request, request.lines)).preview,
    exportGold: async (request) => {
      const { preview, text } = await build(request, 20);
      const out = resolve(request.out);
      const written = await writeFileAtomic(out, text);
      if (!written.ok) throw new EngineError(written.error.code, written.error.message);
      return { ...preview, path: out };
    },
  };
}
