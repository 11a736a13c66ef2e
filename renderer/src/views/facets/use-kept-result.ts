import { type DependencyList, useLayoutEffect, useState } from 'react';
import type { AppError, Result } from '../../../../shared/api/result';

export interface Kept<T> {
  /** The last answer (kept while a newer request runs, so panels do not blank out on every click). */
  readonly value: T | undefined;
  readonly loading: boolean;
  readonly error: AppError | undefined;
}

/**
 * Like useApiResult, but keeps showing the previous value while the next one loads. The request goes
 * out while React commits (a layout effect), before the charts' own effects redraw: every panel of a
 * view asks at once, without waiting for the others to draw.
 */
export function useKeptResult<T>(call: () => Promise<Result<T>>, deps: DependencyList): Kept<T> {
  const [state, setState] = useState<Kept<T>>({ value: undefined, loading: true, error: undefined });
  useLayoutEffect(() => {
    let current = true;
    const answer = call();
    setState((s) => (s.loading ? s : { ...s, loading: true }));
    answer.then(
      (result) => {
        if (!current) return;
        setState(result.ok ? { value: result.value, loading: false, error: undefined } : { value: undefined, loading: false, error: result.error });
      },
      (error: unknown) => current && setState({ value: undefined, loading: false, error: { code: 'internal', message: String(error) } }),
    );
    return () => {
      current = false;
    };
  }, deps);
  return state;
}
