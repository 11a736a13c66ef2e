/**
 * One canonical call as the OpenTelemetry collector's file exporter writes its model
 * span (GenAI semantic conventions): the same calls as the JSONL dump, in OTLP JSON.
 */
interface Call {
  readonly request_id: string;
  readonly trace_id: string;
  readonly span_id: string;
  readonly ts: string;
  readonly feature: string;
  readonly tenant_id: string;
  readonly prompt_version: string;
  readonly model_requested: string;
  readonly model_resolved: string;
  readonly provider: string;
  readonly tokens_in: number;
  readonly tokens_out: number;
  readonly cached_tokens: number;
  readonly cost_usd: number;
  readonly latency_ms: { readonly ttft: number | null; readonly total: number };
  readonly finish_reason: string;
  readonly error_class: string | null;
  readonly temperature: number;
  readonly messages_hash: string;
  readonly response_hash: string | null;
  readonly input_preview: string;
  readonly output_preview: string | null;
}

const str = (key: string, value: string) => ({ key, value: { stringValue: value } });
const int = (key: string, value: number) => ({ key, value: { intValue: String(value) } });
const dbl = (key: string, value: number) => ({ key, value: { doubleValue: value } });
const nanos = (ms: number) => (BigInt(Math.round(ms)) * 1_000_000n).toString();

export function otlpCallLine(call: Call): Record<string, unknown> {
  const start = Date.parse(call.ts);
  const attributes = [
    str('gen_ai.operation.name', 'chat'),
    str('gen_ai.request.model', call.model_requested),
    str('gen_ai.response.model', call.model_resolved),
    str('gen_ai.provider.name', call.provider),
    int('gen_ai.usage.input_tokens', call.tokens_in),
    int('gen_ai.usage.output_tokens', call.tokens_out),
    int('gen_ai.usage.cache_read.input_tokens', call.cached_tokens),
    dbl('gen_ai.usage.cost', call.cost_usd),
    dbl('gen_ai.request.temperature', call.temperature),
    { key: 'gen_ai.response.finish_reasons', value: { arrayValue: { values: [{ stringValue: call.finish_reason }] } } },
    str('request_id', call.request_id),
    str('feature', call.feature),
    str('tenant_id', call.tenant_id),
    str('prompt_version', call.prompt_version),
    str('messages_hash', call.messages_hash),
    str('input_preview', call.input_preview),
  ];
  if (call.latency_ms.ttft !== null) attributes.push(dbl('gen_ai.response.time_to_first_chunk', call.latency_ms.ttft / 1000));
  if (call.response_hash) attributes.push(str('response_hash', call.response_hash));
  if (call.output_preview) attributes.push(str('output_preview', call.output_preview));
  if (call.error_class) attributes.push(str('error.type', call.error_class));
  const span = {
    traceId: call.trace_id,
    spanId: call.span_id,
    parentSpanId: '',
    name: `chat ${call.model_requested}`,
    kind: 3,
    startTimeUnixNano: nanos(start),
    endTimeUnixNano: nanos(start + call.latency_ms.total),
    attributes,
    status: { code: call.error_class ? 2 : 1 },
  };
  return { resourceSpans: [{ resource: { attributes: [str('service.name', 'support-gateway')] }, scopeSpans: [{ scope: { name: 'support-gateway' }, spans: [span] }] }] };
}
