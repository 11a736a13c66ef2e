import { ParamList } from '../../../shared/query/sql';
import { QUEUES, type QueueItem, type QueueName, type QueueOptions, type QueueSummary, queueDefinition, queueItemsSql } from '../../../shared/review/queues';
import type { Review } from './review';

export type { QueueItem, QueueSummary };

export interface QueuePage {
  readonly limit?: number;
  readonly offset?: number;
  /** Only calls this reviewer has not labeled yet (the next ones to review). */
  readonly unlabeledBy?: string;
}

export async function queueSummary(review: Review, name: QueueName, options: QueueOptions = {}): Promise<QueueSummary> {
  const params = new ParamList();
  const items = queueItemsSql(name, options, params);
  const rows = await review.workspace.db.all<{ part: number; reviewer: string | null; n: number }>(
    `WITH items AS (${items})
     SELECT 0 AS part, NULL AS reviewer, count(*) AS n FROM items
     UNION ALL SELECT 1, NULL, count(DISTINCT i.request_id) FROM items i JOIN labels l USING (request_id)
     UNION ALL SELECT 2, l.reviewer, count(*) FROM items i JOIN labels l USING (request_id) GROUP BY l.reviewer
     ORDER BY part, reviewer`,
    params.values,
  );
  const count = (part: number) => rows.find((r) => r.part === part)?.n ?? 0;
  return {
    name,
    title: queueDefinition(name).title,
    size: count(0),
    labeled: count(1),
    by_reviewer: rows.filter((r) => r.part === 2).map((r) => ({ reviewer: r.reviewer ?? '', labeled: r.n })),
  };
}

/** Every built-in queue's size and labeling progress. */
export async function queueSummaries(review: Review, options: QueueOptions = {}): Promise<QueueSummary[]> {
  const summaries: QueueSummary[] = [];
  for (const queue of QUEUES) summaries.push(await queueSummary(review, queue.name, options));
  return summaries;
}

/** A page of a queue's calls in the queue's order, with who labeled each and how. */
export async function queueItems(review: Review, name: QueueName, options: QueueOptions & QueuePage = {}): Promise<QueueItem[]> {
  const params = new ParamList();
  const items = queueItemsSql(name, options, params);
  const unlabeled = options.unlabeledBy === undefined ? '' : `WHERE NOT EXISTS (SELECT 1 FROM labels l WHERE l.request_id = i.request_id AND l.reviewer = ${params.add(options.unlabeledBy)})`;
  const limit = options.limit === undefined ? '' : `LIMIT ${params.add(options.limit)}`;
  const offset = options.offset === undefined ? '' : `OFFSET ${params.add(options.offset)}`;
  return review.workspace.db.all<QueueItem & Record<string, unknown>>(
    `SELECT i.request_id, i.ts, i.feature, i.tenant_id, i.locale, i.score,
       coalesce((SELECT list({'reviewer': l.reviewer, 'verdict': l.verdict} ORDER BY l.reviewer) FROM labels l WHERE l.request_id = i.request_id), []) AS labels
     FROM (${items}) i ${unlabeled}
     ORDER BY ${queueDefinition(name).order} ${limit} ${offset}`,
    params.values,
  );
}

/** The request ids a queue holds. */
export async function queueRequestIds(review: Review, name: QueueName, options: QueueOptions = {}): Promise<Set<string>> {
  const params = new ParamList();
  const rows = await review.workspace.db.all<{ request_id: string }>(`SELECT request_id FROM (${queueItemsSql(name, options, params)})`, params.values);
  return new Set(rows.map((r) => r.request_id));
}
