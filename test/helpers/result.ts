import type { Result } from '../../shared/api/result';

/** The value of an engine result, or a test failure naming the error's code and message. */
export function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}
