/**
 * The canonical `calls` table: one row per LLM call. The field names follow the
 * LlmCallLog schema of the observability guide; `aliases` are the names seen in
 * real dumps, tried in order. A dotted alias (`latency_ms.ttft`) is a path into a
 * nested object.
 */
export type ColumnKind = 'text' | 'int' | 'float' | 'timestamp' | 'text_list' | 'tool_calls' | 'guardrails' | 'json' | 'float_list';

export interface CallColumn {
  readonly name: string;
  readonly kind: ColumnKind;
  readonly aliases: readonly string[];
  /** A dimension a user can slice by (facet, --by, --where). */
  readonly dimension?: boolean;
  /** The guide's required LlmCallLog fields, reported in the coverage report. */
  readonly required?: boolean;
  readonly description: string;
}

export const CALL_COLUMNS: readonly CallColumn[] = [
  { name: 'request_id', kind: 'text', aliases: ['request_id', 'requestId', 'id'], required: true, description: 'Key of the call. Derived from the content when a line has none.' },
  { name: 'trace_id', kind: 'text', aliases: ['trace_id', 'traceId'], required: true, description: 'Groups the calls and spans of one user request.' },
  { name: 'span_id', kind: 'text', aliases: ['span_id', 'spanId'], description: 'Span of this call inside its trace.' },
  { name: 'parent_span_id', kind: 'text', aliases: ['parent_span_id', 'parentSpanId', 'parent_id'], description: 'Parent span, for the waterfall.' },
  { name: 'ts', kind: 'timestamp', aliases: ['ts', 'timestamp', 'time', 'start_time', 'startTime', 'created_at'], required: true, description: 'Start of the call (ISO 8601, or epoch s/ms/us/ns).' },
  { name: 'feature', kind: 'text', aliases: ['feature', 'metadata.feature'], dimension: true, required: true, description: 'Product feature, e.g. refund_copilot.' },
  { name: 'tenant_id', kind: 'text', aliases: ['tenant_id', 'tenant', 'tenantId', 'metadata.tenant_id'], dimension: true, required: true, description: 'Customer of a multi-tenant app.' },
  { name: 'prompt_version', kind: 'text', aliases: ['prompt_version', 'promptVersion', 'metadata.prompt_version'], dimension: true, required: true, description: 'Git tag or registry version of the prompt.' },
  { name: 'model_requested', kind: 'text', aliases: ['model_requested', 'request_model', 'model'], dimension: true, required: true, description: 'Model named in the request (a single `model` fills both model columns).' },
  { name: 'model_resolved', kind: 'text', aliases: ['model_resolved', 'response_model', 'model'], dimension: true, required: true, description: 'Model the provider says answered.' },
  { name: 'provider', kind: 'text', aliases: ['provider', 'vendor'], dimension: true, required: true, description: 'openai, anthropic, azure, ...' },
  { name: 'tokens_in', kind: 'int', aliases: ['tokens_in', 'input_tokens', 'prompt_tokens', 'usage.input_tokens', 'usage.prompt_tokens'], required: true, description: 'Prompt tokens.' },
  { name: 'tokens_out', kind: 'int', aliases: ['tokens_out', 'output_tokens', 'completion_tokens', 'usage.output_tokens', 'usage.completion_tokens'], required: true, description: 'Completion tokens.' },
  { name: 'cached_tokens', kind: 'int', aliases: ['cached_tokens', 'cache_read_tokens', 'usage.cached_tokens'], description: 'Prompt tokens served from the provider cache.' },
  { name: 'cost_usd', kind: 'float', aliases: ['cost_usd', 'cost', 'total_cost'], required: true, description: 'Cost as logged.' },
  { name: 'ttft_ms', kind: 'float', aliases: ['ttft_ms', 'latency_ms.ttft', 'time_to_first_token_ms'], required: true, description: 'Time to first token.' },
  { name: 'total_ms', kind: 'float', aliases: ['total_ms', 'latency_ms.total', 'latency_ms', 'duration_ms'], required: true, description: 'Wall time of the call (a plain number in `latency_ms` is the total).' },
  { name: 'tools_ms', kind: 'float', aliases: ['tools_ms', 'latency_ms.tools'], description: 'Time spent in tool round-trips.' },
  { name: 'decode_ms', kind: 'float', aliases: ['decode_ms', 'latency_ms.decode'], description: 'total_ms - ttft_ms when not logged.' },
  { name: 'finish_reason', kind: 'text', aliases: ['finish_reason', 'stop_reason'], dimension: true, required: true, description: 'stop, length, tool_calls, content_filter, ...' },
  { name: 'error_class', kind: 'text', aliases: ['error_class', 'error_type', 'error.type', 'error'], dimension: true, description: 'Typed error, empty when the call succeeded.' },
  { name: 'attempt', kind: 'int', aliases: ['attempt', 'retry_attempt'], description: 'Retry attempt number.' },
  { name: 'temperature', kind: 'float', aliases: ['temperature', 'params.temperature'], description: 'Sampling temperature.' },
  { name: 'seed', kind: 'int', aliases: ['seed', 'params.seed'], description: 'Sampling seed when set.' },
  { name: 'messages_hash', kind: 'text', aliases: ['messages_hash', 'prompt_hash'], required: true, description: 'Hash of the normalized messages.' },
  { name: 'response_hash', kind: 'text', aliases: ['response_hash', 'output_hash'], description: 'Hash of the normalized answer.' },
  { name: 'provider_request_id', kind: 'text', aliases: ['provider_request_id'], description: 'The provider\'s id, for support tickets.' },
  { name: 'locale', kind: 'text', aliases: ['user_locale', 'locale', 'metadata.user_locale'], dimension: true, description: 'User locale, for stratified samples.' },
  { name: 'retrieval_ids', kind: 'text_list', aliases: ['retrieval_ids', 'retrieved_ids', 'chunk_ids'], description: 'Ids of the retrieved chunks.' },
  { name: 'tool_calls', kind: 'tool_calls', aliases: ['tool_calls'], description: 'List of {name, args_hash, args, latency_ms}.' },
  { name: 'guardrail_decisions', kind: 'guardrails', aliases: ['guardrail_decisions'], description: 'List of {stage, action, dimension}.' },
  { name: 'input_preview', kind: 'text', aliases: ['input_preview', 'input', 'prompt', 'query'], description: 'Redacted preview of the input.' },
  { name: 'output_preview', kind: 'text', aliases: ['output_preview', 'output', 'completion', 'response'], description: 'Redacted preview of the answer.' },
  { name: 'messages', kind: 'json', aliases: ['messages'], description: 'Full messages, when the dump has them.' },
  { name: 'embedding', kind: 'float_list', aliases: ['embedding', 'output_embedding'], description: 'Answer embedding, when logged.' },
];

/** Columns the engine adds, not read from the dump. */
export const SYSTEM_COLUMNS = ['metadata', 'source_uri'] as const;

export const CALL_COLUMN_NAMES: readonly string[] = [...CALL_COLUMNS.map((c) => c.name), ...SYSTEM_COLUMNS];

export const DIMENSIONS: readonly string[] = CALL_COLUMNS.filter((c) => c.dimension).map((c) => c.name);

export function callColumn(name: string): CallColumn | undefined {
  return CALL_COLUMNS.find((c) => c.name === name);
}

/** Top-level keys a canonical record may carry that map onto a column or feed the scores table. */
export function knownTopLevelKeys(): Set<string> {
  const keys = new Set<string>(['metadata', 'scores', 'end_time', 'endTime']);
  for (const column of CALL_COLUMNS) for (const alias of column.aliases) keys.add(alias.split('.')[0]!);
  return keys;
}
