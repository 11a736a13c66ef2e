import { isMethodName, METHODS } from '../../../shared/api/contract';
import { err, ok, type Result } from '../../../shared/api/result';
import { UnknownColumnError } from '../../../shared/query/filter';
import { firstLine } from '../db';
import { isEngineError } from '../errors';
import type { Handlers } from './handlers';

/** A schema failure as one line: where in the request, and what is wrong. */
function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  const first = issues[0];
  if (!first) return 'invalid request';
  const where = first.path.length ? first.path.map(String).join('.') : 'request';
  return `invalid request: ${where}: ${first.message}`;
}

export function errorResult(error: unknown): Result<never> {
  if (isEngineError(error)) return err(error.code, error.message);
  if (error instanceof UnknownColumnError) return err('unknown_column', error.message);
  return err('internal', `internal error: ${error instanceof Error ? firstLine(error.message) : String(error)}`);
}

/**
 * Runs one contract method for any transport: an unknown method or a payload its
 * schema rejects never reaches a handler, and nothing is thrown across the boundary.
 */
export async function dispatch(handlers: Handlers, method: unknown, payload: unknown): Promise<Result<unknown>> {
  if (!isMethodName(method)) return err('unknown_request', `unknown method ${JSON.stringify(String(method)).slice(0, 80)}`);
  const parsed = METHODS[method].request.safeParse(payload);
  if (!parsed.success) return err('bad_input', describeIssues(parsed.error.issues));
  try {
    const handler = handlers[method] as (request: unknown) => Promise<unknown>;
    return ok(await handler(parsed.data));
  } catch (error) {
    return errorResult(error);
  }
}
