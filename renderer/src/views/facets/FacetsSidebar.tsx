import { FacetGroup } from './FacetGroup';
import { SIDEBAR_FACETS } from './facet-columns';
import type { SliceControls } from './use-slice';

export function FacetsSidebar({ slice }: { slice: SliceControls }) {
  return (
    <aside className="facets" aria-label="Facets" data-testid="facets">
      {SIDEBAR_FACETS.map((f) => (
        <FacetGroup key={f.column} column={f.column} title={f.title} slice={slice} />
      ))}
    </aside>
  );
}
