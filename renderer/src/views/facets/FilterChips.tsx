import { PlainText } from '../../components/PlainText';
import { facetTitle } from './facet-columns';
import type { SliceControls } from './use-slice';
import { RangeBar } from './RangeBar';

/** The active filters as removable chips, and the time range. */
export function FilterChips({ slice }: { slice: SliceControls }) {
  const entries = Object.entries(slice.filter.where ?? {}).flatMap(([column, values]) => values.map((value) => ({ column, value })));
  return (
    <div className="filter-bar" data-testid="filter-chips">
      <RangeBar slice={slice} />
      <ul className="chips" aria-label="Active filters">
        {entries.map(({ column, value }) => (
          <li key={`${column}=${value}`} className="chip" data-testid="filter-chip" data-column={column} data-value={value}>
            <span className="chip-column">{facetTitle(column)}:</span> {value === '' ? <em>(none)</em> : <PlainText text={value} />}
            <button type="button" className="chip-remove" aria-label={`Remove filter ${facetTitle(column)} ${value}`} onClick={() => slice.toggle(column, value)}>
              ×
            </button>
          </li>
        ))}
        {entries.length > 0 ? (
          <li>
            <button type="button" className="link-button" onClick={() => slice.setFilter({ ...(slice.filter.since ? { since: slice.filter.since } : {}), ...(slice.filter.until ? { until: slice.filter.until } : {}) })}>
              Clear filters
            </button>
          </li>
        ) : null}
      </ul>
    </div>
  );
}
