import type { MethodName } from '../../../shared/api/contract';
import type { Session } from '../session';
import type { Handler } from './handlers';

/** A read-only explore method, answered from the session's recent answers when the same request comes again. */
export function remembered<M extends MethodName>(session: Session, method: M, handler: Handler<M>): Handler<M> {
  return (request) => session.answers.answer(method, request, () => handler(request));
}
