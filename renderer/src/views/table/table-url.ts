/** The calls table's own state in the URL: `sort=COLUMN.desc,COLUMN.asc` and `cols=A,B,C`. */
export interface SortKey {
  readonly column: string;
  readonly desc: boolean;
}

export function sortFromParams(params: URLSearchParams, sortable: readonly string[]): SortKey[] {
  return (params.get('sort') ?? '')
    .split(',')
    .filter(Boolean)
    .map((s) => {
      const dot = s.lastIndexOf('.');
      return dot > 0 ? { column: s.slice(0, dot), desc: s.slice(dot + 1) === 'desc' } : { column: s, desc: false };
    })
    .filter((s) => sortable.includes(s.column))
    .slice(0, 4);
}

export function sortParam(sort: readonly SortKey[]): string {
  return sort.map((s) => `${s.column}.${s.desc ? 'desc' : 'asc'}`).join(',');
}

export function columnsFromParams(params: URLSearchParams, known: readonly string[], defaults: readonly string[]): string[] {
  const chosen = (params.get('cols') ?? '').split(',').filter((c) => known.includes(c));
  return chosen.length ? chosen : [...defaults];
}
