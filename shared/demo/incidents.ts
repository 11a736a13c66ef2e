/**
 * Incidents the demo generator can inject, each one what a drift check or the PII
 * scan should find. Windows are relative to the end of the data ("now").
 */
export const INCIDENTS = {
  agent_loop: 'tenant globex, refund_copilot, last 20 h: a runaway tool loop (15-40 search_orders calls, huge prompts): cost_anomaly, tool_loop',
  model_swap: 'last 3 days: 40% of gpt-4o requests resolve to gpt-4o-2024-11-20 with no config change: model_swap',
  faithfulness_drop: 'refund_v12, last 7 days: the index rotted, judge faithfulness falls from ~0.91 to ~0.74: faithfulness_drop',
  refusal_spike: 'ticket_summarizer, last 24 h: injection attack traffic, guardrail blocks jump to ~8%: refusal_spike',
  rate_limit_429: 'anthropic, 45 minutes from 21 h before the end: a ticket_summarizer batch retry storm (~8 extra calls a minute) with ~35% HTTP 429: error_rate_spike',
  ttft_slo_burn: 'search_answer, 20 h to 18 h before the end (the afternoon peak): provider queueing, TTFT x5: ttft_slo_burn',
  nondeterminism: 'billing_bot at temperature 0, last 7 days: the same messages get different answers: nondeterminism',
  cost_mismatch: 'claude-3-5-haiku, last 10 days: cost logged with a stale price (a third of the real one): cost_mismatch',
  answer_drift: 'search_answer, last 7 days: answers move to an archived handbook vocabulary: answer_drift',
  pii_leak: 'a dozen previews carry a card number, an SSN, an email or an API key: tracelens pii',
  hostile_text: 'a few inputs carry HTML, script and bidi-override payloads: the app must show them as text',
} as const;

export type IncidentId = keyof typeof INCIDENTS;

export const INCIDENT_IDS = Object.keys(INCIDENTS) as IncidentId[];

export function parseIncidents(value: string): IncidentId[] {
  if (value === 'all') return [...INCIDENT_IDS];
  if (value === 'none' || value === '') return [];
  const ids = value.split(',').map((s) => s.trim());
  const unknown = ids.filter((id) => !(id in INCIDENTS));
  if (unknown.length) throw new Error(`unknown incident "${unknown[0]}"; use all, none or a list of: ${INCIDENT_IDS.join(', ')}`);
  return ids as IncidentId[];
}

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** Planted secrets and identifiers (all fake, all well-formed): the PII scan must find every one. */
export const PLANTED_PII = {
  pan: '4111 1111 1111 1111',
  ssn: '536-22-8745',
  email: 'jane.doe@example.com',
  api_key: 'sk-proj-4fKq9ZtW2mXb7LcV1nRp8sYd3HgJ6uEa0TiOw5QzBxNk',
} as const;
