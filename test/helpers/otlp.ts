/** Writes canonical call records as OTLP JSON spans with GenAI semantic-convention attributes. */
type Call = Record<string, unknown>;

const attr = (key: string, value: unknown) => {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number') return Number.isInteger(value) ? { key, value: { intValue: String(value) } } : { key, value: { doubleValue: value } };
  if (Array.isArray(value)) return { key, value: { arrayValue: { values: value.map((v) => ({ stringValue: String(v) })) } } };
  return { key, value: { stringValue: String(value) } };
};

const nanos = (iso: string, plusMs = 0) => (BigInt(Date.parse(iso) + Math.round(plusMs)) * 1_000_000n).toString();

export function callToSpan(call: Call, names: { oldConventions?: boolean } = {}): Record<string, unknown> {
  const latency = (call['latency_ms'] ?? {}) as Record<string, number | null>;
  const old = names.oldConventions === true;
  const attributes = [
    attr('request_id', call['request_id']),
    attr('feature', call['feature']),
    attr('tenant_id', call['tenant_id']),
    attr('prompt_version', call['prompt_version']),
    attr(old ? 'gen_ai.system' : 'gen_ai.provider.name', call['provider']),
    attr('gen_ai.operation.name', 'chat'),
    attr('gen_ai.request.model', call['model_requested']),
    attr('gen_ai.response.model', call['model_resolved']),
    attr(old ? 'gen_ai.usage.prompt_tokens' : 'gen_ai.usage.input_tokens', call['tokens_in']),
    attr(old ? 'gen_ai.usage.completion_tokens' : 'gen_ai.usage.output_tokens', call['tokens_out']),
    attr('gen_ai.usage.cache_read.input_tokens', call['cached_tokens']),
    attr('gen_ai.usage.cost', call['cost_usd']),
    attr('gen_ai.response.time_to_first_chunk', typeof latency['ttft'] === 'number' ? latency['ttft'] / 1000 : undefined),
    attr('gen_ai.response.finish_reasons', [call['finish_reason']]),
    attr('error.type', call['error_class']),
  ].filter(Boolean);
  return {
    traceId: call['trace_id'],
    spanId: call['span_id'],
    parentSpanId: '',
    name: `chat ${call['model_requested']}`,
    kind: 3,
    startTimeUnixNano: nanos(String(call['ts'])),
    endTimeUnixNano: nanos(String(call['ts']), Number(latency['total'] ?? 0)),
    attributes,
    status: { code: call['error_class'] ? 2 : 1 },
  };
}

/** One OTLP JSON line holding the spans of `calls` (the collector batches spans per line). */
export function otlpLine(calls: readonly Call[], options: { oldConventions?: boolean } = {}): Record<string, unknown> {
  return {
    resourceSpans: [
      { resource: { attributes: [attr('service.name', 'test-gateway')] }, scopeSpans: [{ scope: { name: 'test' }, spans: calls.map((c) => callToSpan(c, options)) }] },
    ],
  };
}
