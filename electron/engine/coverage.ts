import { CALL_COLUMNS, type CallColumn } from '../../shared/domain/call-columns';
import { nullStats } from '../../shared/query/column-stats';
import { sqlIdent } from '../../shared/query/sql';
import type { Db } from './db';

const LIST_KINDS = ['text_list', 'tool_calls', 'guardrails', 'float_list'];

function populated(kind: string, ref: string): string {
  return LIST_KINDS.includes(kind) ? `len(${ref}) > 0` : `${ref} IS NOT NULL`;
}

/**
 * Share of calls with a value in each canonical column: what the dump actually logs. A column
 * whose statistics say it has no NULL (or nothing but NULLs) is not scanned: counting every
 * value of the long text columns was most of the cost of this query after a load.
 */
export async function schemaCoverage(db: Db): Promise<Record<string, number>> {
  const coverage: Record<string, number> = Object.fromEntries(CALL_COLUMNS.map((c) => [c.name, 0]));
  // No row back: the table is empty, and every share is 0.
  const stats = await db.one(`SELECT ${CALL_COLUMNS.map((c) => `stats(${sqlIdent(c.name)}) AS ${sqlIdent(c.name)}`).join(', ')} FROM calls LIMIT 1`);
  if (!stats) return coverage;
  const counted: CallColumn[] = [];
  for (const column of CALL_COLUMNS) {
    const nulls = nullStats(stats[column.name] as string | undefined);
    if (nulls === 'only_nulls') coverage[column.name] = 0;
    else if (nulls === 'no_nulls' && !LIST_KINDS.includes(column.kind)) coverage[column.name] = 1;
    else counted.push(column);
  }
  if (counted.length === 0) return coverage;
  const row = await db.one(`SELECT ${counted.map((c) => `avg(CASE WHEN ${populated(c.kind, sqlIdent(c.name))} THEN 1.0 ELSE 0.0 END) AS ${sqlIdent(c.name)}`).join(', ')} FROM calls`);
  for (const column of counted) {
    const value = row?.[column.name];
    coverage[column.name] = typeof value === 'number' ? Math.round(value * 10000) / 10000 : 0;
  }
  return coverage;
}
