import type { z } from 'zod';
import type { AppEvent } from './app-events';
import type { MethodSpec } from './method';
import { DRIFT_METHODS } from './methods/drift';
import { EXPLORE_METHODS } from './methods/explore';
import { EXPLORE_CHART_METHODS } from './methods/explore-charts';
import { REVIEW_METHODS } from './methods/review';
import { SETTINGS_METHODS } from './methods/settings';
import type { Result } from './result';

/**
 * THE contract between the renderer and the engine. Adding a method: one entry in a
 * methods/*.ts map spread here, plus one handler in electron/engine/api.
 */
export const METHODS = {
  ...EXPLORE_METHODS,
  ...EXPLORE_CHART_METHODS,
  ...DRIFT_METHODS,
  ...REVIEW_METHODS,
  ...SETTINGS_METHODS,
} satisfies Record<string, MethodSpec>;

export type Methods = typeof METHODS;
export type MethodName = keyof Methods & string;

/** What a caller passes (defaults may be left out). */
export type RequestIn<M extends MethodName> = z.input<Methods[M]['request']>;
/** What a handler receives (validated, defaults filled in). */
export type RequestOut<M extends MethodName> = z.output<Methods[M]['request']>;
export type ResponseOf<M extends MethodName> = NonNullable<Methods[M]['response']>;

export const METHOD_NAMES = Object.keys(METHODS) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(METHODS, name);
}

/** The API as the renderer sees it: one async function per method, plus events. */
export type Api = {
  readonly [M in MethodName]: (request: RequestIn<M>) => Promise<Result<ResponseOf<M>>>;
};

export interface ApiWithEvents extends Api {
  /** Subscribes to engine events; returns the unsubscribe function. */
  onEvent(listener: (event: AppEvent) => void): () => void;
}
