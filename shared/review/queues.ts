import { IS_BLOCKED, type SliceFilter, whereClause } from '../query/filter';
import type { ParamList } from '../query/sql';
import type { Verdict } from './label-event';

/** The built-in review queues, as data: what each holds and how its items are ordered. */
export const QUEUES = [
  { name: 'judge', title: 'Failed or borderline judge scores', description: 'calls whose lowest judge score is at or below the borderline band\'s top (0.6 by default); below its bottom (0.4) is a fail', order: 'score ASC, ts DESC, request_id' },
  { name: 'thumbs-down', title: 'User thumbs-down', description: 'calls a user rated thumbs-down', order: 'ts DESC, request_id' },
  { name: 'guardrail', title: 'Guardrail blocks', description: 'calls a guardrail blocked', order: 'ts DESC, request_id' },
  { name: 'errors', title: 'Errors', description: 'calls that ended in a typed error', order: 'ts DESC, request_id' },
  { name: 'drift', title: 'Drift exemplars', description: 'example calls of the drift alerts', order: 'ts DESC, request_id' },
  { name: 'sample', title: 'Stratified sample', description: 'a random sample of every other call, stratified by feature and locale (2% of each stratum by default, at least one call)', order: 'feature, locale, ts DESC, request_id' },
  { name: 'slice', title: 'The current slice', description: 'every call of the current slice (every call when no slice is chosen)', order: 'ts DESC, request_id' },
] as const;

export type QueueName = (typeof QUEUES)[number]['name'];
export type QueueDefinition = (typeof QUEUES)[number];

export const QUEUE_NAMES: readonly QueueName[] = QUEUES.map((q) => q.name);

export function isQueueName(name: string): name is QueueName {
  return (QUEUE_NAMES as readonly string[]).includes(name);
}

export function queueDefinition(name: QueueName): QueueDefinition {
  return QUEUES.find((q) => q.name === name)!;
}

export interface QueueSummary {
  readonly name: QueueName;
  readonly title: string;
  readonly size: number;
  /** Calls in the queue with at least one label. */
  readonly labeled: number;
  /** Calls in the queue each reviewer labeled. */
  readonly by_reviewer: readonly { readonly reviewer: string; readonly labeled: number }[];
}

export interface QueueItem {
  readonly request_id: string;
  readonly ts: string | null;
  readonly feature: string | null;
  readonly tenant_id: string | null;
  readonly locale: string | null;
  readonly score: number | null;
  readonly labels: readonly { readonly reviewer: string; readonly verdict: Verdict }[];
}

export interface QueueOptions {
  /** Judge scores below this fail (default 0.4). */
  readonly judgeLow?: number;
  /** Judge scores up to this are borderline and queued (default 0.6). */
  readonly judgeHigh?: number;
  /** Share of each stratum the sample takes (default 0.02). */
  readonly sampleRate?: number;
  /** Changes which calls the sample picks; the same seed picks the same calls. */
  readonly sampleSeed?: string;
  /** Request ids of the drift alerts' exemplars. */
  readonly driftExemplars?: readonly string[];
  /** Restricts a queue to a slice of the calls. */
  readonly filter?: SliceFilter;
}

/** Calls of a queue the Review view fetches at a time. */
export const QUEUE_PAGE = 500;

export const QUEUE_DEFAULTS = { judgeLow: 0.4, judgeHigh: 0.6, sampleRate: 0.02, sampleSeed: 'tracelens' } as const;

const JUDGE = `lower(source) = 'judge' AND value IS NOT NULL`;
const THUMBS_DOWN = `((lower(name) LIKE '%thumb%' AND value <= 0) OR lower(label) IN ('down', 'thumbs_down', 'thumbsdown'))`;

function judgeMembers(options: QueueOptions, params: ParamList): string {
  const high = params.add(options.judgeHigh ?? QUEUE_DEFAULTS.judgeHigh);
  return `SELECT request_id, min(value) AS score FROM scores WHERE ${JUDGE} GROUP BY request_id HAVING min(value) <= ${high}`;
}

function driftMembers(options: QueueOptions, params: ParamList): string {
  const ids = options.driftExemplars ?? [];
  if (ids.length === 0) return 'SELECT NULL::VARCHAR AS request_id, NULL::DOUBLE AS score WHERE false';
  return `SELECT request_id, NULL::DOUBLE AS score FROM base WHERE request_id IN (${ids.map((id) => params.add(id)).join(', ')})`;
}

function sampleMembers(options: QueueOptions, params: ParamList): string {
  const seed = params.add(options.sampleSeed ?? QUEUE_DEFAULTS.sampleSeed);
  const rate = params.add(options.sampleRate ?? QUEUE_DEFAULTS.sampleRate);
  const high = params.add(options.judgeHigh ?? QUEUE_DEFAULTS.judgeHigh);
  const others = `SELECT request_id FROM scores WHERE (${JUDGE} AND value <= ${high}) OR ${THUMBS_DOWN}
    UNION SELECT request_id FROM base WHERE error_class IS NOT NULL OR ${IS_BLOCKED}`;
  return `SELECT request_id, NULL::DOUBLE AS score FROM (
      SELECT request_id,
        row_number() OVER (PARTITION BY feature, locale ORDER BY md5(request_id || ${seed}), request_id) AS rank,
        count(*) OVER (PARTITION BY feature, locale) AS stratum
      FROM base WHERE request_id NOT IN (${others})
    ) WHERE rank <= ceil(stratum * ${rate})`;
}

function members(name: QueueName, options: QueueOptions, params: ParamList): string {
  switch (name) {
    case 'judge':
      return judgeMembers(options, params);
    case 'thumbs-down':
      return `SELECT request_id, min(value) AS score FROM scores WHERE ${THUMBS_DOWN} GROUP BY request_id`;
    case 'guardrail':
      return `SELECT request_id, NULL::DOUBLE AS score FROM base WHERE ${IS_BLOCKED}`;
    case 'errors':
      return `SELECT request_id, NULL::DOUBLE AS score FROM base WHERE error_class IS NOT NULL`;
    case 'drift':
      return driftMembers(options, params);
    case 'sample':
      return sampleMembers(options, params);
    case 'slice':
      return 'SELECT request_id, NULL::DOUBLE AS score FROM base';
  }
}

/**
 * The items of a queue, one row per call: request_id, score (the queue's score,
 * when it has one), ts, feature, tenant_id, locale. Unordered: order by the
 * queue's `order`.
 */
export function queueItemsSql(name: QueueName, options: QueueOptions, params: ParamList): string {
  const where = whereClause(options.filter ?? {}, params);
  return `WITH base AS (SELECT * FROM calls ${where}),
    members AS (${members(name, options, params)})
    SELECT m.request_id, min(m.score) AS score, min(b.ts) AS ts, any_value(b.feature) AS feature,
      any_value(b.tenant_id) AS tenant_id, any_value(b.locale) AS locale
    FROM members m JOIN base b ON b.request_id = m.request_id
    GROUP BY m.request_id`;
}
