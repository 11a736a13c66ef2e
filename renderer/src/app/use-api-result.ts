import { type DependencyList, useEffect, useState } from 'react';
import type { AppError, Result } from '../../../shared/api/result';

export type Loadable<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'ok'; readonly value: T }
  | { readonly state: 'error'; readonly error: AppError };

/**
 * Runs an API call when `deps` change and tracks its state; a stale answer (the
 * deps changed meanwhile) is dropped, so views never show data for an old filter.
 */
export function useApiResult<T>(call: () => Promise<Result<T>>, deps: DependencyList): Loadable<T> {
  const [state, setState] = useState<Loadable<T>>({ state: 'loading' });
  useEffect(() => {
    let current = true;
    setState({ state: 'loading' });
    call().then(
      (result) => current && setState(result.ok ? { state: 'ok', value: result.value } : { state: 'error', error: result.error }),
      (error: unknown) => current && setState({ state: 'error', error: { code: 'internal', message: String(error) } }),
    );
    return () => {
      current = false;
    };
  }, deps);
  return state;
}
