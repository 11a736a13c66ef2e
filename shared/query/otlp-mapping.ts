/**
 * OTLP JSON (the OpenTelemetry collector's file exporter: one {"resourceSpans": [...]}
 * per line) mapped onto spans and calls. Attribute names follow the GenAI semantic
 * conventions, old and new.
 */

/** A JSON shape: a DuckDB type name, a list of one shape, or an object of shapes. */
type Shape = string | readonly [Shape] | { readonly [key: string]: Shape };

const ANY_VALUE_SCALARS = { stringValue: 'VARCHAR', intValue: 'VARCHAR', doubleValue: 'DOUBLE', boolValue: 'BOOLEAN' };
const ATTRS: Shape = [{ key: 'VARCHAR', value: { ...ANY_VALUE_SCALARS, arrayValue: { values: [ANY_VALUE_SCALARS] } } }];
const SPAN: Shape = {
  traceId: 'VARCHAR',
  spanId: 'VARCHAR',
  parentSpanId: 'VARCHAR',
  name: 'VARCHAR',
  kind: 'VARCHAR',
  startTimeUnixNano: 'VARCHAR',
  endTimeUnixNano: 'VARCHAR',
  attributes: ATTRS,
  status: { code: 'VARCHAR', message: 'VARCHAR' },
};
const SCOPE: Shape = [{ scope: { name: 'VARCHAR' }, spans: [SPAN] }];
const RESOURCE_SPANS: Shape = [{ resource: { attributes: ATTRS }, scopeSpans: SCOPE, instrumentationLibrarySpans: SCOPE }];

/** The SQL type of a shape (its keys are the fixed OTLP field names above). */
function sqlType(shape: Shape): string {
  if (typeof shape === 'string') return shape;
  if (Array.isArray(shape)) return `${sqlType(shape[0])}[]`;
  return `STRUCT(${Object.entries(shape).map(([key, inner]) => `"${key}" ${sqlType(inner)}`).join(', ')})`;
}

/** The json_transform spec of one line. */
export const OTLP_LINE_TYPE = JSON.stringify({ resourceSpans: RESOURCE_SPANS });

/** The typed `read_json` columns of a line. */
export const OTLP_READ_COLUMNS = `{'resourceSpans': '${sqlType(RESOURCE_SPANS)}'}`;

/**
 * Spans of every line, flattened, from a relation with a `resourceSpans` column.
 * Attributes become two parallel lists, keys and texts (`ak`/`av` of the span, `rk`/`rv`
 * of its resource): looking a key up with list_position is cheap, while building a MAP
 * per span costs more than parsing it.
 */
export function otlpSpansSelect(resourceSpansFrom: string): string {
  return `
  WITH r AS (SELECT unnest(resourceSpans) AS rs FROM ${resourceSpansFrom}),
  s AS (SELECT list_transform(coalesce(rs.resource.attributes, []), lambda x: x.key) AS rk,
                list_transform(coalesce(rs.resource.attributes, []), lambda x: tl_otlp_value(x.value)) AS rv,
                unnest(coalesce(rs.scopeSpans, rs.instrumentationLibrarySpans)) AS ss FROM r),
  sp AS (SELECT rk, rv, unnest(ss.spans) AS sp FROM s),
  flat AS (SELECT sp.traceId AS trace_id, sp.spanId AS span_id, nullif(sp.parentSpanId, '') AS parent_span_id, sp.name AS name,
         to_timestamp(TRY_CAST(sp.startTimeUnixNano AS HUGEINT) / 1e9) AS start_ts,
         to_timestamp(TRY_CAST(sp.endTimeUnixNano AS HUGEINT) / 1e9) AS end_ts,
         (TRY_CAST(sp.endTimeUnixNano AS HUGEINT) - TRY_CAST(sp.startTimeUnixNano AS HUGEINT)) / 1e6 AS duration_ms,
         CASE WHEN sp.status.code IN ('2', 'STATUS_CODE_ERROR') THEN 'error' WHEN sp.status.code IN ('1', 'STATUS_CODE_OK') THEN 'ok' ELSE 'unset' END AS status,
         sp.status.message AS status_message,
         list_transform(coalesce(sp.attributes, []), lambda x: x.key) AS ak,
         list_transform(coalesce(sp.attributes, []), lambda x: tl_otlp_value(x.value)) AS av, rk, rv
  FROM sp)
  SELECT *, tl_otlp_json(ak, av, rk, rv) AS attributes FROM flat`;
}

/** A span attribute's text. */
function spanAttr(key: string): string {
  return `av[list_position(ak, '${key}')]`;
}

/** First present attribute among `keys` (span attributes, then resource attributes). */
function attr(...keys: string[]): string {
  return `coalesce(${[...keys.map(spanAttr), ...keys.map((k) => `rv[list_position(rk, '${k}')]`)].join(', ')})`;
}

const IS_LLM = `(${spanAttr('gen_ai.request.model')} IS NOT NULL OR ${spanAttr('gen_ai.response.model')} IS NOT NULL
  OR ${spanAttr('gen_ai.operation.name')} IN ('chat', 'text_completion', 'generate_content'))`;

/**
 * The spans table columns of a flattened span that carries `tl_is_llm` (OTLP_IS_LLM,
 * computed once), all but source_uri.
 */
export const OTLP_SPAN_COLUMNS = `trace_id, span_id, parent_span_id, name, CASE
  WHEN tl_is_llm THEN 'generate'
  WHEN ${spanAttr('gen_ai.operation.name')} = 'execute_tool' OR ${spanAttr('gen_ai.tool.name')} IS NOT NULL THEN 'tool'
  WHEN ${spanAttr('gen_ai.operation.name')} = 'embeddings' OR lower(name) LIKE '%retriev%' OR lower(name) LIKE '%search%' THEN 'retrieve'
  WHEN lower(name) LIKE '%guardrail%' OR ${spanAttr('guardrail.action')} IS NOT NULL THEN 'guardrail'
  ELSE 'other' END AS kind, start_ts, end_ts, duration_ms,
  status, CASE WHEN tl_is_llm THEN coalesce(${spanAttr('request_id')}, span_id) END AS request_id, attributes`;

const finishReason = `CASE WHEN starts_with(${attr('gen_ai.response.finish_reasons')}, '[')
  THEN ${attr('gen_ai.response.finish_reasons')}->>'$[0]' ELSE ${attr('gen_ai.response.finish_reasons')} END`;

/** Calls table columns for an LLM span, by canonical column name. */
export const OTLP_CALL_VALUES: Record<string, string> = {
  request_id: `coalesce(${attr('request_id', 'gen_ai.request.id')}, span_id)`,
  trace_id: 'trace_id',
  span_id: 'span_id',
  parent_span_id: 'parent_span_id',
  ts: 'start_ts',
  feature: attr('feature', 'app.feature'),
  tenant_id: attr('tenant_id', 'tenant.id'),
  prompt_version: attr('prompt_version', 'gen_ai.prompt.version'),
  model_requested: attr('gen_ai.request.model', 'gen_ai.response.model'),
  model_resolved: attr('gen_ai.response.model', 'gen_ai.request.model'),
  provider: attr('gen_ai.provider.name', 'gen_ai.system'),
  tokens_in: `TRY_CAST(TRY_CAST(${attr('gen_ai.usage.input_tokens', 'gen_ai.usage.prompt_tokens')} AS DOUBLE) AS BIGINT)`,
  tokens_out: `TRY_CAST(TRY_CAST(${attr('gen_ai.usage.output_tokens', 'gen_ai.usage.completion_tokens')} AS DOUBLE) AS BIGINT)`,
  cached_tokens: `TRY_CAST(TRY_CAST(${attr('gen_ai.usage.cache_read.input_tokens', 'gen_ai.usage.cache_read_input_tokens')} AS DOUBLE) AS BIGINT)`,
  cost_usd: `TRY_CAST(${attr('gen_ai.usage.cost', 'cost_usd')} AS DOUBLE)`,
  ttft_ms: `TRY_CAST(${attr('gen_ai.response.time_to_first_chunk')} AS DOUBLE) * 1000`,
  total_ms: 'duration_ms',
  decode_ms: `duration_ms - TRY_CAST(${attr('gen_ai.response.time_to_first_chunk')} AS DOUBLE) * 1000`,
  finish_reason: finishReason,
  error_class: `coalesce(${attr('error.type')}, CASE WHEN status = 'error' THEN coalesce(status_message, 'error') END)`,
  attempt: `TRY_CAST(${attr('attempt')} AS BIGINT)`,
  temperature: `TRY_CAST(${attr('gen_ai.request.temperature')} AS DOUBLE)`,
  seed: `TRY_CAST(${attr('gen_ai.request.seed')} AS BIGINT)`,
  messages_hash: attr('messages_hash', 'gen_ai.prompt.hash'),
  response_hash: attr('response_hash', 'gen_ai.completion.hash'),
  provider_request_id: attr('gen_ai.response.id'),
  locale: attr('user_locale', 'user.locale'),
  input_preview: attr('input_preview', 'gen_ai.input.messages', 'gen_ai.prompt'),
  output_preview: attr('output_preview', 'gen_ai.output.messages', 'gen_ai.completion'),
  metadata: 'attributes',
};

/** Whether a flattened span is a GenAI model call. */
export const OTLP_IS_LLM = IS_LLM;
