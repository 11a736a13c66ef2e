import type { ReactNode } from 'react';
import { useRoute } from '../../app/use-route';
import { CallDetail } from '../call-detail/CallDetail';
import { FacetsSidebar } from './FacetsSidebar';
import { FilterChips } from './FilterChips';
import type { SliceControls } from './use-slice';
import './explore.css';

/** The frame of the explore views: facets on the left, filters on top, the call detail over it when one is open (`call=` in the URL). */
export function ExploreLayout({ slice, children, facets = true }: { slice: SliceControls; children: ReactNode; facets?: boolean }) {
  const { params } = useRoute();
  const call = params.get('call');
  return (
    <div className={facets ? 'explore' : 'explore no-facets'}>
      {facets ? <FacetsSidebar slice={slice} /> : null}
      <div className="explore-main">
        <FilterChips slice={slice} />
        {children}
      </div>
      {call ? <CallDetail requestId={call} /> : null}
    </div>
  );
}
