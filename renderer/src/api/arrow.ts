import { type Table, tableFromIPC } from 'apache-arrow';

export type Cell = string | number | boolean | null;
export type PlainRow = Record<string, Cell>;

/** Decodes Arrow IPC bytes from the engine. */
export function decodeArrow(bytes: Uint8Array): Table {
  return tableFromIPC(bytes);
}

/** Int64 values as numbers when exact (else their decimal text); timestamps stay epoch milliseconds. */
export function plainCell(value: unknown): Cell {
  if (typeof value === 'bigint') return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(value) : value.toString();
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.getTime();
  return String(value);
}

/** The rows of an engine table as plain objects: for small tables (series, pages), not whole workspaces. */
export function tableRows(table: Table): PlainRow[] {
  const names = table.schema.fields.map((f) => f.name);
  const columns = names.map((n) => table.getChild(n));
  const rows: PlainRow[] = [];
  for (let i = 0; i < table.numRows; i++) {
    const row: PlainRow = {};
    names.forEach((name, c) => {
      row[name] = plainCell(columns[c]?.get(i));
    });
    rows.push(row);
  }
  return rows;
}
