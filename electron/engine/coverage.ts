import { CALL_COLUMNS } from '../../shared/domain/call-columns';
import { sqlIdent } from '../../shared/query/sql';
import type { Db } from './db';

function populated(kind: string, ref: string): string {
  return ['text_list', 'tool_calls', 'guardrails', 'float_list'].includes(kind) ? `len(${ref}) > 0` : `${ref} IS NOT NULL`;
}

/** Share of calls with a value in each canonical column: what the dump actually logs. */
export async function schemaCoverage(db: Db): Promise<Record<string, number>> {
  const items = CALL_COLUMNS.map((c) => `avg(CASE WHEN ${populated(c.kind, sqlIdent(c.name))} THEN 1.0 ELSE 0.0 END) AS ${sqlIdent(c.name)}`);
  const row = await db.one(`SELECT ${items.join(', ')} FROM calls`);
  const coverage: Record<string, number> = {};
  for (const column of CALL_COLUMNS) {
    const value = row?.[column.name];
    coverage[column.name] = typeof value === 'number' ? Math.round(value * 10000) / 10000 : 0;
  }
  return coverage;
}
