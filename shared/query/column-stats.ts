/** What DuckDB's statistics of a column guarantee about its NULLs. */
export type NullStats = 'no_nulls' | 'only_nulls' | 'unknown';

// The column's own validity is the last "[Has Null: …, Has No Null: …]" of `stats(col)`, before an optional "[Approx Unique: n]".
const VALIDITY = /\[Has Null: (true|false), Has No Null: (true|false)\](?:\[Approx Unique: \d+\])?$/;

/**
 * Reads the text of DuckDB's `stats(col)`. Statistics only ever widen (a delete leaves them as
 * they were), so "no NULL" and "only NULLs" are guarantees about the rows there are; anything
 * else, or a text of another shape, is `unknown` and the column has to be counted.
 */
export function nullStats(text: string | null | undefined): NullStats {
  const match = text ? VALIDITY.exec(text.trim()) : null;
  if (!match) return 'unknown';
  const [hasNull, hasNoNull] = [match[1] === 'true', match[2] === 'true'];
  if (!hasNull && hasNoNull) return 'no_nulls';
  if (hasNull && !hasNoNull) return 'only_nulls';
  return 'unknown';
}
