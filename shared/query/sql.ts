/**
 * Quoting for the few places where a name (not a value) must appear in SQL:
 * column names of a dump's own fields. Values always travel as parameters.
 */
export function sqlIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** A query with positional parameters ($1, $2, ...). */
export interface SqlQuery {
  readonly sql: string;
  readonly params: readonly SqlParam[];
}

export type SqlParam = string | number | boolean | null;

/** Collects parameters while a query is built, handing out their placeholders. */
export class ParamList {
  readonly values: SqlParam[] = [];
  add(value: SqlParam): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}
