/** Errors cross process boundaries as values, never as thrown exceptions. */
export type ErrorCode =
  | 'usage'
  | 'not_found'
  | 'bad_input'
  | 'unknown_format'
  | 'workspace_locked'
  | 'bad_workspace'
  | 'workspace_open_failed'
  | 'unknown_column'
  | 'unknown_request'
  | 'journal_write_failed'
  | 's3_no_credentials'
  | 's3_access_denied'
  | 's3_not_found'
  | 's3_unreachable'
  | 'unauthorized'
  | 'internal';

export interface AppError {
  readonly code: ErrorCode;
  readonly message: string;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function err<T = never>(code: ErrorCode, message: string): Result<T> {
  return { ok: false, error: { code, message } };
}
