import type { Prng } from './prng';

interface TraceCall {
  readonly trace_id: string;
  readonly span_id: string;
  readonly rootSpanId: string;
  readonly ts: string;
  readonly feature: string;
  readonly tenant_id: string;
  readonly ttftMs: number;
  readonly totalMs: number;
  readonly retrieval: boolean;
  readonly tool_calls: readonly { name: string; latency_ms: number }[];
  readonly guardrail_decisions: readonly { stage: string; action: string; dimension: string }[];
}

const nanos = (ms: number) => (BigInt(Math.round(ms * 1000)) * 1000n).toString();
const str = (key: string, value: string) => ({ key, value: { stringValue: value } });

/**
 * The non-model spans of one request as the OpenTelemetry collector's file exporter
 * writes them: a server root span, input guardrails, retrieval, tool executions
 * (children of the model call, which the call log itself carries) and the output
 * guardrail. One `{"resourceSpans": [...]}` object per line.
 */
export function otlpTraceLine(call: TraceCall, rng: Prng): Record<string, unknown> {
  const start = Date.parse(call.ts);
  const spans: Record<string, unknown>[] = [];
  const span = (name: string, parent: string, from: number, to: number, attributes: unknown[], spanId = rng.hex(16)) => {
    spans.push({ traceId: call.trace_id, spanId, parentSpanId: parent, name, kind: 1, startTimeUnixNano: nanos(from), endTimeUnixNano: nanos(to), attributes, status: { code: 1 } });
  };
  const end = start + call.totalMs + 40;
  span('POST /v1/chat', '', start - 420, end, [str('feature', call.feature), str('tenant_id', call.tenant_id)], call.rootSpanId);
  let t = start - 400;
  for (const g of call.guardrail_decisions.filter((d) => d.stage === 'input')) {
    span(`guardrail ${g.dimension}`, call.rootSpanId, t, t + 25, [str('guardrail.action', g.action), str('guardrail.dimension', g.dimension)]);
    t += 30;
  }
  if (call.retrieval) span('retrieve kb', call.rootSpanId, t, start - 10, [str('gen_ai.operation.name', 'embeddings'), str('db.system', 'pgvector')]);
  let toolStart = start + call.ttftMs;
  for (const tool of call.tool_calls) {
    span(`execute_tool ${tool.name}`, call.span_id, toolStart, toolStart + tool.latency_ms, [str('gen_ai.operation.name', 'execute_tool'), str('gen_ai.tool.name', tool.name)]);
    toolStart += tool.latency_ms;
  }
  for (const g of call.guardrail_decisions.filter((d) => d.stage === 'output')) {
    span(`guardrail ${g.dimension}`, call.rootSpanId, start + call.totalMs + 5, start + call.totalMs + 35, [str('guardrail.action', g.action), str('guardrail.dimension', g.dimension)]);
  }
  return {
    resourceSpans: [{ resource: { attributes: [str('service.name', 'support-gateway')] }, scopeSpans: [{ scope: { name: 'support-gateway' }, spans }] }],
  };
}
