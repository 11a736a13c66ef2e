import { QUEUES } from '../../../shared/review/queues';
import { queueItems, queueSummaries } from '../../engine/review/queues';
import type { SliceFilter } from '../../../shared/query/filter';
import { flag, isoOption, listOption, stringOption } from '../args';
import type { Command, ParsedArgs } from '../command';
import { openReview, queueOption, queueOptions, REVIEW_OPTIONS } from '../open-review';
import { renderTable } from '../table';
import { UsageError } from '../usage-error';
import { parseWhere } from './slice';

function limitOption(value: string | undefined): number {
  if (value === undefined) return 50;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--limit must be a positive whole number (got "${value}")`);
  return n;
}

/** The slice of `--where`, `--since`, `--until`: every queue is restricted to it, and the `slice` queue is all of it. */
function sliceFilter(args: ParsedArgs): SliceFilter {
  return { where: parseWhere(listOption(args, 'where')), since: isoOption(args, 'since'), until: isoOption(args, 'until') };
}

export const queuesCommand: Command = {
  name: 'queues',
  summary: 'review queues: their size, how many are labeled and by whom; or the calls of one queue',
  usage: 'tracelens queues --db FILE [--queue NAME [--limit N] [--unlabeled-by NAME]] [--alert KEY] [--where COL=VALUE]... [--since ISO] [--until ISO] [--sample-rate R] [--labels JOURNAL]... [--json]',
  options: { ...REVIEW_OPTIONS, queue: { type: 'string' }, limit: { type: 'string' }, 'unlabeled-by': { type: 'string' }, 'sample-rate': { type: 'string' }, alert: { type: 'string' }, where: { type: 'string', multiple: true }, since: { type: 'string' }, until: { type: 'string' } },
  async run(args, io) {
    const queue = queueOption(args);
    const limit = limitOption(stringOption(args, 'limit'));
    const filter = sliceFilter(args);
    if (stringOption(args, 'alert') !== undefined && queue !== undefined && queue !== 'drift') throw new UsageError('--alert restricts the drift queue: use it with --queue drift or without --queue');
    const review = await openReview(args, io);
    try {
      const options = { ...(await queueOptions(args, review, queue ?? 'all')), filter };
      if (queue) {
        const items = await queueItems(review, queue, { ...options, limit, unlabeledBy: stringOption(args, 'unlabeled-by') });
        if (flag(args, 'json')) io.stdout.write(JSON.stringify({ queue, items }) + '\n');
        else io.stdout.write(renderTable(['request_id', 'ts', 'feature', 'locale', 'score', 'labels'], items.map((i) => [i.request_id, i.ts, i.feature, i.locale, i.score, i.labels.map((l) => `${l.reviewer}:${l.verdict}`).join(' ')])));
        return 0;
      }
      const queues = await queueSummaries(review, options);
      if (flag(args, 'json')) {
        io.stdout.write(JSON.stringify({ queues }) + '\n');
      } else {
        const rows = queues.map((q) => [q.name, q.size, q.labeled, q.by_reviewer.map((r) => `${r.reviewer} ${r.labeled}`).join(', '), QUEUES.find((d) => d.name === q.name)!.title]);
        io.stdout.write(renderTable(['queue', 'size', 'labeled', 'by reviewer', 'holds'], rows));
      }
      return 0;
    } finally {
      review.workspace.close();
    }
  },
};
