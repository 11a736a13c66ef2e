/** Hand-built canonical calls for drift tests: only the fields a check reads, times relative to `END`. */
export const END = Date.parse('2026-11-04T12:00:00Z');

let counter = 0;

export function driftCall(minutesBeforeEnd: number, fields: Record<string, unknown> = {}): Record<string, unknown> {
  counter++;
  return {
    request_id: `req_t${String(counter).padStart(5, '0')}`,
    ts: new Date(END - minutesBeforeEnd * 60_000).toISOString(),
    feature: 'plain',
    tenant_id: 'acme',
    prompt_version: 'v1',
    model: 'gpt-4o-mini',
    provider: 'openai',
    tokens_in: 1000,
    tokens_out: 100,
    cost_usd: (1000 * 0.15 + 100 * 0.6) / 1e6,
    latency_ms: { ttft: 200, total: 900 },
    output_preview: 'ok',
    ...fields,
  };
}
