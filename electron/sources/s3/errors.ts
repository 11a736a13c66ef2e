import { firstLine } from '../../engine/db';
import { EngineError } from '../../engine/errors';

/** What was being done when S3 answered with an error: for a message that says which bucket and key. */
export interface S3ErrorContext {
  readonly uri: string;
  readonly bucket: string;
  readonly key?: string;
  readonly listing?: boolean;
  readonly endpoint?: string;
}

interface SdkErrorShape {
  readonly name?: string;
  readonly code?: string;
  readonly message?: string;
  readonly errors?: readonly SdkErrorShape[];
  readonly $metadata?: { readonly httpStatusCode?: number };
}

const NETWORK_CODES: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  ETIMEDOUT: 'timed out',
  TimeoutError: 'timed out',
  ECONNRESET: 'connection reset',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  EPIPE: 'connection closed',
  ECONNABORTED: 'connection aborted',
};

const REJECTED_CREDENTIALS = new Set(['InvalidAccessKeyId', 'SignatureDoesNotMatch', 'ExpiredToken', 'InvalidToken', 'TokenRefreshRequired']);

/** Credential values the process knows of; removed from any text that reaches the user. */
function secrets(): string[] {
  return ['AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_ACCESS_KEY_ID'].map((n) => process.env[n] ?? '').filter((v) => v.length >= 8);
}

export function redact(text: string): string {
  let out = text;
  for (const secret of secrets()) out = out.split(secret).join('***');
  return out;
}

function networkCode(error: SdkErrorShape): string | undefined {
  for (const candidate of [error.code, error.name, ...(error.errors ?? []).map((e) => e.code)]) {
    if (candidate && candidate in NETWORK_CODES) return candidate;
  }
  return undefined;
}

function where(context: S3ErrorContext): string {
  return context.key === undefined ? `bucket ${context.bucket}` : `bucket ${context.bucket}, key ${context.key}`;
}

/** An SDK error as a one-line message a user can act on; credentials never appear in it. */
export function s3Error(error: unknown, context: S3ErrorContext): EngineError {
  if (error instanceof EngineError) return error;
  const e: SdkErrorShape = typeof error === 'object' && error !== null ? (error as SdkErrorShape) : { message: String(error) };
  const name = e.name ?? '';
  const status = e.$metadata?.httpStatusCode;
  const message = firstLine(e.message ?? '');
  const build = (code: ConstructorParameters<typeof EngineError>[0], text: string) => new EngineError(code, redact(text));

  if (name === 'CredentialsProviderError' || /could not load credentials/i.test(message)) {
    return build('s3_no_credentials', `no AWS credentials found to read ${context.uri}: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, pick a profile with AWS_PROFILE, or run \`aws sso login\``);
  }
  if (name === 'TokenProviderError') {
    return build('s3_no_credentials', `the AWS SSO session for ${context.uri} is missing or expired: run \`aws sso login\``);
  }
  if (REJECTED_CREDENTIALS.has(name)) {
    return build('s3_access_denied', `the S3 endpoint rejected the credentials (${name}) while reading ${context.uri}`);
  }
  if (name === 'NoSuchBucket') return build('s3_not_found', `no such bucket: ${context.bucket} (in ${context.uri})`);
  if (name === 'AccessDenied' || name === 'Forbidden' || status === 403) {
    const what = context.listing ? `listing ${context.uri} (${where(context)})` : `to ${context.uri} (${where(context)})`;
    return build('s3_access_denied', `access denied ${what}: the credentials in use are not allowed to ${context.listing ? 'list this bucket' : 'read this object'}`);
  }
  if (name === 'NoSuchKey' || name === 'NotFound' || status === 404) {
    return build('s3_not_found', `no such key: ${context.uri} (${where(context)})`);
  }
  const network = networkCode(e);
  if (network) {
    const endpoint = context.endpoint ?? 'AWS S3';
    return build('s3_unreachable', `cannot reach the S3 endpoint ${endpoint}: ${NETWORK_CODES[network]} (${network}) while reading ${context.uri}`);
  }
  const detail = name && name !== 'Error' ? `${name}: ${message}` : message;
  return build('bad_input', `S3 request for ${context.uri} failed: ${detail || `HTTP ${status ?? '?'}`}`);
}
