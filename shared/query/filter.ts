import { CALL_COLUMNS, DIMENSIONS } from '../domain/call-columns';
import { BLOCK_ACTIONS } from '../domain/guardrail';
import { type ParamList, sqlIdent, sqlString } from './sql';

/**
 * A slice of the calls: values per column (several values of one column are OR-ed,
 * columns are AND-ed; an empty string matches a missing value) and a time range.
 */
export interface SliceFilter {
  readonly where?: Readonly<Record<string, readonly string[]>>;
  /** ISO 8601, inclusive. */
  readonly since?: string;
  /** ISO 8601, exclusive. */
  readonly until?: string;
}

/** SQL for a call's blocking guardrail decisions (a list). */
export const BLOCKING_DECISIONS = `list_filter(guardrail_decisions, lambda g: lower(g.action) IN (${BLOCK_ACTIONS.map(sqlString).join(', ')}))`;

/**
 * Columns over a call's guardrail decisions, filtered by membership: a field of its decisions, or of its
 * blocking decisions only (`guardrail_blocked`: a call blocked by its injection check and allowed by its
 * PII check is blocked by injection, not by pii).
 */
const GUARDRAIL_FILTERS: Readonly<Record<string, { readonly decisions: string; readonly field: string }>> = {
  guardrail_action: { decisions: 'guardrail_decisions', field: 'action' },
  guardrail_dimension: { decisions: 'guardrail_decisions', field: 'dimension' },
  guardrail_blocked: { decisions: BLOCKING_DECISIONS, field: 'dimension' },
};

export const GUARDRAIL_COLUMNS: readonly string[] = Object.keys(GUARDRAIL_FILTERS);

/** SQL for the (lower-cased) values of a guardrail column among a call's decisions, or undefined for another column. */
export function guardrailValues(column: string): string | undefined {
  const filter = GUARDRAIL_FILTERS[column];
  return filter && `list_transform(${filter.decisions}, lambda g: lower(g.${filter.field}))`;
}

export const FILTER_COLUMNS: readonly string[] = [...DIMENSIONS, ...GUARDRAIL_COLUMNS, 'request_id', 'trace_id', 'attempt', 'temperature'];

export function isFilterColumn(name: string): boolean {
  return FILTER_COLUMNS.includes(name);
}

/** Why `value` cannot be compared with a numeric filter column (`attempt`, `temperature`), or undefined when it can (an empty value matches a missing one). */
export function filterValueProblem(column: string, value: string): string | undefined {
  const kind = CALL_COLUMNS.find((c) => c.name === column)?.kind;
  if (value === '' || (kind !== 'int' && kind !== 'float')) return undefined;
  const number = Number(value.trim());
  if (value.trim() === '' || !Number.isFinite(number)) return `${column} takes a number (got "${value}")`;
  if (kind === 'int' && !Number.isInteger(number)) return `${column} takes a whole number (got "${value}")`;
  return undefined;
}

function typeOf(column: string): string {
  const kind = CALL_COLUMNS.find((c) => c.name === column)?.kind;
  return kind === 'int' ? 'BIGINT' : kind === 'float' ? 'DOUBLE' : 'VARCHAR';
}

function columnCondition(column: string, values: readonly string[], params: ParamList): string {
  const list = guardrailValues(column);
  if (list) {
    return `(${values.map((v) => `list_contains(${list}, lower(${params.add(v)}))`).join(' OR ')})`;
  }
  const ref = sqlIdent(column);
  const type = typeOf(column);
  const conditions = values.map((v) => (v === '' ? `${ref} IS NULL` : `${ref} = CAST(${params.add(v)} AS ${type})`));
  return `(${conditions.join(' OR ')})`;
}

/** The WHERE clause of a slice ('' when the slice is everything). Unknown columns throw. */
export function whereClause(filter: SliceFilter, params: ParamList): string {
  const conditions: string[] = [];
  for (const [column, values] of Object.entries(filter.where ?? {})) {
    if (!isFilterColumn(column)) throw new UnknownColumnError(column, FILTER_COLUMNS);
    if (values.length > 0) conditions.push(columnCondition(column, values, params));
  }
  if (filter.since) conditions.push(`ts >= CAST(${params.add(filter.since)} AS TIMESTAMPTZ)`);
  if (filter.until) conditions.push(`ts < CAST(${params.add(filter.until)} AS TIMESTAMPTZ)`);
  return conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
}

export class UnknownColumnError extends Error {
  constructor(
    readonly column: string,
    readonly allowed: readonly string[],
  ) {
    super(`unknown column "${column}"; use one of: ${allowed.join(', ')}`);
    this.name = 'UnknownColumnError';
  }
}

/** SQL that is true when a call carries a blocking guardrail decision. */
export const IS_BLOCKED = `len(${BLOCKING_DECISIONS}) > 0`;
