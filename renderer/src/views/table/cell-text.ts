import type { Cell } from '../../api/arrow';
import { formatTime } from '../../charts/format';

/** A table cell as text: timestamps as UTC, numbers as they are, text verbatim (rendered by PlainText). */
export function cellText(column: string, kind: string | undefined, value: Cell | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (kind === 'timestamp' && typeof value === 'number') return `${formatTime(value)}:${new Date(value).toISOString().slice(17, 23)}`;
  if (typeof value === 'number' && column === 'cost_usd') return value.toFixed(6);
  if (typeof value === 'number' && !Number.isInteger(value)) return value.toFixed(1);
  return String(value);
}

export function isNumericKind(kind: string | undefined): boolean {
  return kind === 'int' || kind === 'float';
}
