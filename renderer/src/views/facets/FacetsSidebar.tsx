import { useApi } from '../../app/workspace';
import { FacetGroup, SHORT } from './FacetGroup';
import { SIDEBAR_FACETS } from './facet-columns';
import { useKeptResult } from './use-kept-result';
import type { SliceControls } from './use-slice';

const COLUMNS = SIDEBAR_FACETS.map((f) => f.column);

/** Every facet's first values in one call (one scan for most of them); a facet asks for more on its own when expanded or searched. */
export function FacetsSidebar({ slice }: { slice: SliceControls }) {
  const api = useApi();
  const counts = useKeptResult(() => api.facetCounts({ columns: COLUMNS as never, filter: slice.filter, limit: SHORT }), [api, slice.key]);
  return (
    <aside className="facets" aria-label="Facets" data-testid="facets">
      {SIDEBAR_FACETS.map((f, i) => (
        <FacetGroup key={f.column} column={f.column} title={f.title} slice={slice} first={{ value: counts.value?.facets[i], loading: counts.loading, error: counts.error }} />
      ))}
    </aside>
  );
}
