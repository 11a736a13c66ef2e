import { useCallback, useSyncExternalStore } from 'react';
import { parseRoute, type Route, routeHash } from './route';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const snapshot = () => window.location.hash;

export interface RouteControls extends Route {
  /** Goes to a view with these parameters (a new history entry). */
  navigate(view: string, params?: URLSearchParams): void;
  /** Changes the current view's parameters in place (no new history entry): filters, sort, selection. */
  setParams(params: URLSearchParams): void;
}

export function useRoute(): RouteControls {
  const hash = useSyncExternalStore(subscribe, snapshot);
  const route = parseRoute(hash);
  const navigate = useCallback((view: string, params?: URLSearchParams) => {
    window.location.hash = routeHash(view, params);
  }, []);
  const setParams = useCallback(
    (params: URLSearchParams) => {
      const url = new URL(window.location.href);
      url.hash = routeHash(route.view, params);
      window.history.replaceState(window.history.state, '', url);
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    },
    [route.view],
  );
  return { ...route, navigate, setParams };
}
