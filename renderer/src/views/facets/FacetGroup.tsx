import { useId, useState } from 'react';
import type { FacetValues } from '../../../../shared/api/methods/explore';
import { ok } from '../../../../shared/api/result';
import { PlainText } from '../../components/PlainText';
import { ErrorNotice } from '../../components/Status';
import { formatCount } from '../../charts/format';
import { useApi } from '../../app/workspace';
import type { SliceControls } from './use-slice';
import { type Kept, useKeptResult } from './use-kept-result';

/** Values shown per facet until it is expanded or searched. */
export const SHORT = 8;
const LONG = 50;

/**
 * One facet: its values with their counts under the other filters; click to filter, search when there
 * are many. `first` is its first SHORT values, asked for by the sidebar with the other facets'.
 */
export function FacetGroup({ column, title, slice, first }: { column: string; title: string; slice: SliceControls; first: Kept<FacetValues | undefined> }) {
  const api = useApi();
  const [search, setSearch] = useState('');
  const [expanded, setExpanded] = useState(false);
  const searchId = useId();
  const more = expanded || search !== '';
  const own = useKeptResult(
    () => (more ? api.facetValues({ column: column as never, filter: slice.filter, limit: LONG, ...(search ? { search } : {}) }) : Promise.resolve(ok(undefined))),
    // A collapsed facet asks nothing of its own: its values come with the sidebar's.
    [api, column, more ? slice.key : '', search, more],
  );
  // Until its own answer arrives, an expanded facet shows the first values.
  const facet = more ? { ...own, value: own.value ?? first.value } : first;
  const selected = slice.filter.where?.[column] ?? [];
  const distinct = facet.value?.distinct ?? 0;
  return (
    <section className="facet" data-testid={`facet-${column}`} aria-busy={facet.loading}>
      <h3>{title}</h3>
      {distinct > SHORT || search ? (
        <>
          <label htmlFor={searchId} className="visually-hidden">
            Search {title}
          </label>
          <input id={searchId} type="search" className="facet-search" placeholder={`Search ${distinct} values`} value={search} onChange={(e) => setSearch(e.target.value)} />
        </>
      ) : null}
      {facet.error ? <ErrorNotice error={facet.error} /> : null}
      {facet.value && facet.value.values.length === 0 ? <div className="facet-empty">No values</div> : null}
      <ul>
        {facet.value?.values.map((v) => {
          const value = v.value ?? '';
          const active = selected.includes(value);
          return (
            <li key={value}>
              <button type="button" className="facet-value" data-testid="facet-value" data-value={value} aria-pressed={active} onClick={() => slice.toggle(column, value)}>
                <span className="facet-label">{v.value === null ? <em>(none)</em> : <PlainText text={v.value} />}</span>
                <span className="facet-count">{formatCount(v.count)}</span>
              </button>
            </li>
          );
        })}
      </ul>
      {!search && distinct > SHORT ? (
        <button type="button" className="link-button" onClick={() => setExpanded(!expanded)}>
          {expanded ? 'Fewer' : `More (${distinct})`}
        </button>
      ) : null}
    </section>
  );
}
