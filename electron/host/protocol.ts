import type { AppEvent } from '../../shared/api/app-events';
import type { Result } from '../../shared/api/result';

/** Messages between the main process and the engine host (a utility process). */
export interface HostRequest {
  readonly id: number;
  readonly method: string;
  readonly payload: unknown;
}

export type HostMessage = { readonly kind: 'result'; readonly id: number; readonly result: Result<unknown> } | { readonly kind: 'event'; readonly event: AppEvent };
