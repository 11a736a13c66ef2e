/** The whole view state lives in the URL hash: `#/VIEW?key=value&...`, so a view can be bookmarked, shared and reloaded. */
export interface Route {
  readonly view: string;
  readonly params: URLSearchParams;
}

export function parseRoute(hash: string): Route {
  const body = hash.replace(/^#\/?/, '');
  const q = body.indexOf('?');
  const view = decodeURIComponent(q >= 0 ? body.slice(0, q) : body);
  return { view, params: new URLSearchParams(q >= 0 ? body.slice(q + 1) : '') };
}

export function routeHash(view: string, params?: URLSearchParams): string {
  const query = params?.toString();
  return `#/${encodeURIComponent(view)}${query ? `?${query}` : ''}`;
}
