import { DIMENSIONS } from '../../../shared/domain/call-columns';
import { type SliceFilter, whereClause } from '../../../shared/query/filter';
import { ParamList, sqlIdent } from '../../../shared/query/sql';
import type { Workspace } from '../workspace';
import { sharedRead } from './shared-reads';

/** Values a profile keeps per column, largest first: as many as a series may split by (the contract's `top`). */
export const PROFILE_TOP = 20;

export interface ProfiledValue {
  readonly value: string | null;
  readonly count: number;
}

export interface ProfiledColumn {
  /** The PROFILE_TOP largest values, ranked by count, then value (nulls last). */
  readonly values: readonly ProfiledValue[];
  /** How many distinct values the column has in the slice. */
  readonly distinct: number;
}

/** What a refresh asks about a slice before charting it: its time span and each dimension's largest values. */
export interface SliceProfile {
  readonly spanMs: number;
  readonly columns: ReadonlyMap<string, ProfiledColumn>;
}

/** The largest `limit` values of each group `k` of counted rows (k, value, count, ...), with its number of values. */
export function ranked(counts: string, limit: string, keep = ''): string {
  return `SELECT k, value, count, distinct_values${keep} FROM (
      SELECT *, count(*) OVER (PARTITION BY k) AS distinct_values,
        row_number() OVER (PARTITION BY k ORDER BY count DESC, value NULLS LAST) AS rank
      FROM ${counts})
    WHERE rank <= ${limit} ORDER BY k, rank`;
}

/** `CASE` over the grouping set a GROUPING SETS row belongs to: `pick` per column, `otherwise` for the empty set. */
export function perGroupingSet(refs: readonly string[], pick: (ref: string, k: number) => string, otherwise = 'NULL'): string {
  return `CASE ${refs.map((ref, k) => `WHEN grouping(${ref}) = 0 THEN ${pick(ref, k)}`).join(' ')} ELSE ${otherwise} END`;
}

type ProfileRow = { k: number; value: string | null; count: number; distinct_values: number; span: number | null };

/**
 * The facet sidebar's unfiltered columns and the four series of an Overview refresh all ask about the
 * same slice: the values of a dimension by count, and the time span. One GROUPING SETS scan answers
 * every dimension at once (the empty set gives the span), and the panels of one refresh, asking
 * together, share it.
 */
export async function sliceProfile(workspace: Workspace, filter: SliceFilter): Promise<SliceProfile> {
  const params = new ParamList();
  const where = whereClause(filter, params);
  const refs = DIMENSIONS.map(sqlIdent);
  const counts = `(SELECT ${perGroupingSet(refs, (_, k) => String(k), '-1')} AS k, ${perGroupingSet(refs, (ref) => `CAST(${ref} AS VARCHAR)`)} AS value,
      count(*) AS count, epoch_ms(max(ts)) - epoch_ms(min(ts)) AS span
    FROM calls ${where} GROUP BY GROUPING SETS (${refs.map((r) => `(${r})`).join(', ')}, ()))`;
  const rows = await sharedRead<ProfileRow>(workspace.db, ranked(counts, params.add(PROFILE_TOP), ', span'), params.values);
  const columns = new Map(DIMENSIONS.map((column) => [column, { values: [] as ProfiledValue[], distinct: 0 }]));
  let spanMs = 0;
  for (const row of rows) {
    if (row.k < 0) spanMs = row.span ?? 0;
    else {
      const column = columns.get(DIMENSIONS[row.k]!)!;
      column.values.push({ value: row.value, count: row.count });
      column.distinct = row.distinct_values;
    }
  }
  return { spanMs, columns };
}
