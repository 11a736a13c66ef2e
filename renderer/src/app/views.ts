import type { ViewSpec } from './view-spec';

/** Every view of the app, found by file name: adding a view is adding renderer/src/views/NAME/view.tsx. */
const modules = import.meta.glob<{ view: ViewSpec }>('../views/*/view.tsx', { eager: true });

export const VIEWS: readonly ViewSpec[] = Object.values(modules)
  .map((m) => m.view)
  .sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));

export const DEFAULT_VIEW = 'overview';

export function findView(id: string): ViewSpec | undefined {
  return VIEWS.find((v) => v.id === id) ?? VIEWS.find((v) => v.id === DEFAULT_VIEW) ?? VIEWS[0];
}
