import { useCallback, useMemo } from 'react';
import type { SliceFilter } from '../../../../shared/query/filter';
import { filterFromParams, withFilter } from '../../app/filter-url';
import { useRoute } from '../../app/use-route';

export interface SliceControls {
  readonly filter: SliceFilter;
  /** Changes whenever the filter does: a dependency for queries. */
  readonly key: string;
  setFilter(filter: SliceFilter): void;
  /** Adds the value to the column's selection, or removes it if selected. */
  toggle(column: string, value: string): void;
  /** Selects only this value for the column. */
  only(column: string, value: string): void;
  setRange(since: string | undefined, until: string | undefined): void;
}

/** The current slice (filters and time range), kept in the URL so a view can be shared and restored. */
export function useSlice(): SliceControls {
  const { params, setParams } = useRoute();
  const filter = useMemo(() => filterFromParams(params), [params.toString()]);
  const key = JSON.stringify(filter);
  const setFilter = useCallback((next: SliceFilter) => setParams(withFilter(params, next)), [params.toString(), setParams]);
  return useMemo(() => {
    const where = (filter.where ?? {}) as Record<string, readonly string[]>;
    const withColumn = (column: string, values: readonly string[]): SliceFilter => {
      const next: Record<string, readonly string[]> = { ...where, [column]: values };
      if (values.length === 0) delete next[column];
      return { ...filter, where: next };
    };
    return {
      filter,
      key,
      setFilter,
      toggle: (column, value) => {
        const current = where[column] ?? [];
        setFilter(withColumn(column, current.includes(value) ? current.filter((v) => v !== value) : [...current, value]));
      },
      only: (column, value) => setFilter(withColumn(column, [value])),
      setRange: (since, until) => {
        const { since: _s, until: _u, ...rest } = filter;
        setFilter({ ...rest, ...(since ? { since } : {}), ...(until ? { until } : {}) });
      },
    };
  }, [key, setFilter]);
}
