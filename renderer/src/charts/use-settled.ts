import { useRef } from 'react';

/**
 * `value` once every answer it is drawn from has arrived, the last such value meanwhile. A chart drawn
 * from two answers (its own series and the overall one) would otherwise be drawn twice per refresh, the
 * first time mixing the new slice with the old.
 */
export function useSettled<T>(value: T, settled: boolean): T {
  const last = useRef(value);
  if (settled) last.current = value;
  return last.current;
}
