import type { ErrorCode } from '../../shared/api/result';

/** An error whose message is written for the user; `code` is stable for programs. */
export class EngineError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'EngineError';
  }
}

export function isEngineError(error: unknown): error is EngineError {
  return error instanceof EngineError;
}
