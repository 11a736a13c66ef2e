import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AppError } from '../../../../shared/api/result';
import type { SliceFilter } from '../../../../shared/query/filter';
import { decodeArrow, type PlainRow, tableRows } from '../../api/arrow';
import { useApi } from '../../app/workspace';
import type { SortKey } from './table-url';

export const PAGE_SIZE = 200;

export interface Pages {
  /** Calls in the slice; undefined until the first page arrives. */
  readonly total: number | undefined;
  readonly error: AppError | undefined;
  row(index: number): PlainRow | undefined;
  /** Fetches the pages covering rows first..last (once each). */
  ensure(first: number, last: number): void;
}

/** Server-side paging: pages of PAGE_SIZE rows fetched as Arrow when scrolled into view, dropped when the query changes. */
export function usePages(filter: SliceFilter, sort: readonly SortKey[], columns: readonly string[], key: string): Pages {
  const api = useApi();
  const cache = useRef(new Map<number, PlainRow[]>());
  const inflight = useRef(new Set<number>());
  const generation = useRef(0);
  const [total, setTotal] = useState<number | undefined>(undefined);
  const [error, setError] = useState<AppError | undefined>(undefined);
  const [version, setVersion] = useState(0);

  const load = useCallback(
    (page: number) => {
      if (columns.length === 0 || cache.current.has(page) || inflight.current.has(page)) return;
      inflight.current.add(page);
      const mine = generation.current;
      void api.tablePage({ filter, sort: [...sort], columns: columns as never, offset: page * PAGE_SIZE, limit: PAGE_SIZE }).then((result) => {
        if (mine !== generation.current) return;
        inflight.current.delete(page);
        if (!result.ok) {
          setError(result.error);
          return;
        }
        cache.current.set(page, tableRows(decodeArrow(result.value.arrow)));
        setTotal(result.value.total);
        setVersion((v) => v + 1);
      });
    },
    [api, key],
  );

  useEffect(() => {
    generation.current++;
    cache.current = new Map();
    inflight.current = new Set();
    setTotal(undefined);
    setError(undefined);
    load(0);
  }, [load]);

  return useMemo(
    () => ({
      total,
      error,
      row: (index: number) => cache.current.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
      ensure: (first: number, last: number) => {
        for (let p = Math.floor(first / PAGE_SIZE); p <= Math.floor(last / PAGE_SIZE); p++) load(p);
      },
    }),
    [total, error, version, load],
  );
}
