import type { ReactNode } from 'react';
import { PlainText } from '../../components/PlainText';
import { fieldText } from './field-text';

export interface TextColumn<T> {
  readonly title: string;
  /** The cell's value, shown as plain text; a ReactNode when the cell is formatted (a number, a duration). */
  readonly cell: (row: T) => unknown;
  readonly formatted?: boolean;
}

/** Rows of a call's lists (tool calls, guardrail decisions, scores) as a table of plain text; "None" when empty. */
export function TextTable<T>({ rows, columns }: { rows: readonly T[]; columns: readonly TextColumn<T>[] }) {
  if (rows.length === 0) return <p className="muted">None</p>;
  return (
    <table className="cd-table">
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.title} scope="col">
              {c.title}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={i}>
            {columns.map((c) => (
              <td key={c.title}>{c.formatted ? (c.cell(row) as ReactNode) : <PlainText text={fieldText(c.cell(row))} />}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
