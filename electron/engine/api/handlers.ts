import type { MethodName, RequestOut, ResponseOf } from '../../../shared/api/contract';
import type { Session } from '../session';
import { ReviewSession } from '../review-session';
import { driftHandlers } from './drift-handlers';
import { exploreChartHandlers } from './explore-chart-handlers';
import { exploreHandlers } from './explore-handlers';
import { reviewHandlers } from './review-handlers';
import { settingsHandlers } from './settings-handlers';

export type Handler<M extends MethodName> = (request: RequestOut<M>) => Promise<ResponseOf<M>>;
export type Handlers = { readonly [M in MethodName]: Handler<M> };
/** The handlers of one group of methods (one methods/*.ts file of the contract). */
export type HandlerGroup<K extends MethodName> = { readonly [M in K]: Handler<M> };

/** Every contract method's implementation over one session. Adding a group: one spread here. */
export function createHandlers(session: Session): Handlers {
  const review = new ReviewSession(session);
  return {
    ...exploreHandlers(session),
    ...exploreChartHandlers(session),
    ...driftHandlers(session, review),
    ...reviewHandlers(session, review),
    ...settingsHandlers(review),
  };
}
