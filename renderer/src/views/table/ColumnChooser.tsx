import type { ColumnInfo } from '../../../../shared/api/methods/explore';

/** Which columns the table shows (and exports). */
export function ColumnChooser({ columns, visible, onChange }: { columns: readonly ColumnInfo[]; visible: readonly string[]; onChange: (next: string[]) => void }) {
  return (
    <details className="column-chooser" data-testid="column-chooser">
      <summary>Columns ({visible.length})</summary>
      <fieldset>
        <legend className="visually-hidden">Visible columns</legend>
        {columns.map((c) => (
          <label key={c.name} title={c.description}>
            <input
              type="checkbox"
              checked={visible.includes(c.name)}
              disabled={visible.length === 1 && visible.includes(c.name)}
              onChange={(e) => onChange(e.target.checked ? columns.map((x) => x.name).filter((n) => n === c.name || visible.includes(n)) : visible.filter((n) => n !== c.name))}
            />{' '}
            {c.name}
            <span className="muted"> {Math.round(c.coverage * 100)}%</span>
          </label>
        ))}
      </fieldset>
    </details>
  );
}
