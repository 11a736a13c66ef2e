import { useCallback } from 'react';
import { useRoute } from '../../app/use-route';

/** The open call lives in the URL (`call=REQUEST_ID`) next to the slice, so a link restores it. */
export function useCallParam(): { open(requestId: string): void; close(): void } {
  const { params, setParams } = useRoute();
  const key = params.toString();
  const open = useCallback(
    (requestId: string) => {
      const next = new URLSearchParams(params);
      next.set('call', requestId);
      setParams(next);
    },
    [key, setParams],
  );
  const close = useCallback(() => {
    const next = new URLSearchParams(params);
    next.delete('call');
    setParams(next);
  }, [key, setParams]);
  return { open, close };
}
