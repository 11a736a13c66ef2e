import type { z } from 'zod';

/**
 * One contract method: the runtime schema of its request and, as a type only,
 * its response. Transports, handlers and the renderer client are derived from these.
 */
export interface MethodSpec<Req extends z.ZodType = z.ZodType, Res = unknown> {
  readonly request: Req;
  readonly summary: string;
  /** Type-level only: never set at runtime. */
  readonly response?: Res;
}

/** `method<Response>()(requestSchema, summary)`: the response type is given, the request type is inferred. */
export function method<Res>() {
  return <Req extends z.ZodType>(request: Req, summary: string): MethodSpec<Req, Res> => ({ request, summary });
}
