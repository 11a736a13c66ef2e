import { BLOCK_ACTIONS } from '../domain/guardrail';
import { sqlString } from '../query/sql';

/** SQL conditions the drift queries share. Constants only: no user text is ever pasted in. */

const BLOCK_ACTION_LIST = BLOCK_ACTIONS.map(sqlString).join(', ');

/** A decision that blocks; `allow`, by far the most common action, is ruled out before lower() runs. */
const BLOCKS = `lambda g: CASE WHEN g.action = 'allow' THEN false ELSE lower(g.action) IN (${BLOCK_ACTION_LIST}) END`;

/** The same test as IS_BLOCKED of shared/query/filter (true, false, or NULL without decisions), cheaper on the common case. */
export const IS_BLOCKED_FAST = `len(list_filter(guardrail_decisions, ${BLOCKS})) > 0`;

/** The distinct dimensions of a call's blocking decisions: empty when nothing blocked it. */
export const BLOCKED_DIMENSIONS = `list_distinct(list_transform(list_filter(guardrail_decisions, ${BLOCKS}), lambda g: lower(coalesce(g.dimension, 'unknown'))))`;

/**
 * Error classes are matched by pattern because vendors name them differently
 * (`rate_limit_429`, `RateLimitError`, `429`, `too_many_requests`, ...). No pattern matches an empty
 * class, so the patterns run only on calls with an error (AND evaluates its right side only where the
 * left holds).
 */
const error = (pattern: string) => `(error_class IS NOT NULL AND regexp_matches(lower(error_class), '${pattern}'))`;

export const ERROR_CLASS_SQL = {
  rate_limit_429: error('429|rate.?limit|too.?many.?requests|quota'),
  provider_5xx: error('(^|[^0-9])5[0-9][0-9]([^0-9]|$)|5xx|server.?error|internal.?error|overloaded|unavailable|bad.?gateway|gateway.?timeout'),
  context_overflow: error('context.?(length|window|overflow)|too.?many.?tokens|maximum.?context|prompt.?too.?long'),
  // A call that "succeeded" with nothing in it counts too, unless a guardrail blocked it.
  empty_completion: `(${error('empty')} OR (error_class IS NULL AND tokens_out = 0 AND NOT coalesce(${IS_BLOCKED_FAST}, false)))`,
} as const;

/** The value a missing slice column is reported as. */
export const MISSING = '(missing)';

/** A slice column's value for grouping: never NULL. */
export function sliceValue(column: string): string {
  return `coalesce(CAST(${column} AS VARCHAR), '${MISSING}')`;
}
