import { IS_BLOCKED } from '../query/filter';

/**
 * SQL conditions the drift queries share. Constants only: no user text is ever pasted in.
 * Error classes are matched by pattern because vendors name them differently
 * (`rate_limit_429`, `RateLimitError`, `429`, `too_many_requests`, ...).
 */
const ERROR = `lower(coalesce(error_class, ''))`;

export const ERROR_CLASS_SQL = {
  rate_limit_429: `regexp_matches(${ERROR}, '429|rate.?limit|too.?many.?requests|quota')`,
  provider_5xx: `regexp_matches(${ERROR}, '(^|[^0-9])5[0-9][0-9]([^0-9]|$)|5xx|server.?error|internal.?error|overloaded|unavailable|bad.?gateway|gateway.?timeout')`,
  context_overflow: `regexp_matches(${ERROR}, 'context.?(length|window|overflow)|too.?many.?tokens|maximum.?context|prompt.?too.?long')`,
  // A call that "succeeded" with nothing in it counts too, unless a guardrail blocked it.
  empty_completion: `(regexp_matches(${ERROR}, 'empty') OR (error_class IS NULL AND tokens_out = 0 AND NOT coalesce(${IS_BLOCKED}, false)))`,
} as const;

export const NOT_BLOCKED = `NOT coalesce(${IS_BLOCKED}, false)`;

/** The value a missing slice column is reported as. */
export const MISSING = '(missing)';

/** A slice column's value for grouping: never NULL. */
export function sliceValue(column: string): string {
  return `coalesce(CAST(${column} AS VARCHAR), '${MISSING}')`;
}
