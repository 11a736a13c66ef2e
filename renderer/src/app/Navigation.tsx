import { filterFromParams, withFilter } from './filter-url';
import { routeHash } from './route';
import { useRoute } from './use-route';
import type { ViewSpec } from './view-spec';

const GROUPS: readonly { id: ViewSpec['group']; label: string }[] = [
  { id: 'explore', label: 'Explore' },
  { id: 'act', label: 'Act' },
  { id: 'app', label: 'App' },
];

export function Navigation({ views, current }: { views: readonly ViewSpec[]; current: string }) {
  // The slice (filters, range) follows the user from view to view; each view's own state does not.
  const slice = withFilter(new URLSearchParams(), filterFromParams(useRoute().params));
  return (
    <nav className="app-nav" aria-label="Views">
      {GROUPS.map((group) => {
        const items = views.filter((v) => v.group === group.id);
        if (items.length === 0) return null;
        return (
          <section key={group.id} className="nav-group">
            <h2>{group.label}</h2>
            <ul>
              {items.map((view) => (
                <li key={view.id}>
                  <a href={routeHash(view.id, slice)} data-testid={`nav-${view.id}`} aria-current={view.id === current ? 'page' : undefined} title={view.shortcut}>
                    {view.title}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </nav>
  );
}
