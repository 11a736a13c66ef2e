import { useMemo, useRef, useState } from 'react';
import type { QueueItem } from '../../../../shared/api/methods/review';
import type { AppError } from '../../../../shared/api/result';
import type { SliceFilter } from '../../../../shared/query/filter';
import { QUEUE_PAGE } from '../../../../shared/review/queues';
import { type Loadable, useApiResult } from '../../app/use-api-result';
import { useApi } from '../../app/workspace';

const NONE: readonly QueueItem[] = [];

export interface QueueRequest {
  readonly queue: string;
  readonly filter: SliceFilter;
  readonly alert?: string;
}

export interface QueuePages {
  /** The first page's state: loading, its error, or loaded. */
  readonly first: Loadable<unknown>;
  /** Every call fetched so far, in the queue's order. */
  readonly items: readonly QueueItem[];
  /** The last page fetched was full: the queue may go on. */
  readonly more: boolean;
  /** Why the next page could not be fetched. */
  readonly error: AppError | null;
  /** Fetches the next page; every call fetched so far after it, or null when nothing came. */
  loadMore(): Promise<readonly QueueItem[] | null>;
}

/**
 * A review queue fetched a page at a time: the first when the queue or slice
 * changes, the next ones when labeling reaches the end of what is loaded.
 */
export function useQueuePages(request: QueueRequest): QueuePages {
  const api = useApi();
  const key = JSON.stringify(request);
  const first = useApiResult(() => api.queueItems({ ...request, limit: QUEUE_PAGE }), [api, key]);
  const [extra, setExtra] = useState<{ key: string; items: readonly QueueItem[]; more: boolean; error: AppError | null } | null>(null);
  const firstItems = first.state === 'ok' ? first.value.items : NONE;
  const own = extra?.key === key ? extra : null;
  const items = useMemo(() => (own ? [...firstItems, ...own.items] : firstItems), [firstItems, own]);
  const more = own ? own.more : firstItems.length === QUEUE_PAGE;
  const fetching = useRef(false);

  const loadMore = async (): Promise<readonly QueueItem[] | null> => {
    if (fetching.current || !more || first.state !== 'ok') return null;
    fetching.current = true;
    const result = await api.queueItems({ ...request, offset: items.length, limit: QUEUE_PAGE });
    fetching.current = false;
    const loaded = own?.items ?? NONE;
    if (!result.ok) {
      setExtra({ key, items: loaded, more, error: result.error });
      return null;
    }
    const next = [...loaded, ...result.value.items];
    setExtra({ key, items: next, more: result.value.items.length === QUEUE_PAGE, error: null });
    return [...firstItems, ...next];
  };

  return { first, items, more, error: own?.error ?? null, loadMore };
}
