import { DEFAULT_PRICES, priceCall } from '../metrics/prices';
import { DRIFTED_SEARCH_ANSWERS, FEATURES, HOSTILE_INPUTS, LOCALES, MODELS, PROMPT_VERSIONS, TENANTS, type FeatureSpec } from './catalog';
import { contentHash, normalizeText } from './hash';
import { DAY_MS, HOUR_MS, type IncidentId, PLANTED_PII } from './incidents';
import { Prng } from './prng';
import { otlpTraceLine } from './otlp-trace';

export interface DemoOptions {
  readonly seed: number;
  /** Last timestamp of the data ("now" for drift checks). */
  readonly end: Date;
  readonly days: number;
  readonly callsPerDay: number;
  readonly incidents: readonly IncidentId[];
  /** Share of traces that also get an OTLP span export (retrieve / tool / guardrail spans). */
  readonly otlpShare: number;
}

export const DEFAULT_DEMO: DemoOptions = {
  seed: 20261104,
  end: new Date('2026-11-04T12:00:00Z'),
  days: 35,
  callsPerDay: 2400,
  incidents: [],
  otlpShare: 0.03,
};

export type DemoRecord =
  | { readonly kind: 'call'; readonly value: Record<string, unknown> }
  | { readonly kind: 'score'; readonly value: Record<string, unknown> }
  | { readonly kind: 'otlp'; readonly value: Record<string, unknown> };

/** Traffic by hour of day (UTC): a business-hours peak. */
function diurnal(hour: number): number {
  return 0.35 + 0.65 * Math.exp(-((hour - 16) ** 2) / 18);
}

interface Context {
  readonly rng: Prng;
  readonly options: DemoOptions;
  readonly endMs: number;
  readonly on: (id: IncidentId) => boolean;
}

function fill(template: string, rng: Prng): string {
  return template
    .replace('{order}', () => luhnFailing16(rng))
    .replace('{days}', () => String(rng.int(5, 60)))
    .replace('{ticket}', () => String(rng.int(10000, 99999)))
    .replace('{last4}', () => String(rng.int(1000, 9999)));
}

/** A 16-digit order number that fails the Luhn check: a decoy the PII scan must not flag. */
function luhnFailing16(rng: Prng): string {
  const digits = Array.from({ length: 16 }, (_, i) => (i === 0 ? rng.int(1, 9) : rng.int(0, 9)));
  let sum = 0;
  for (let i = 0; i < 16; i++) {
    let d = digits[15 - i]!;
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  if (sum % 10 === 0) digits[15] = (digits[15]! + 1) % 10;
  return digits.join('');
}

function promptVersion(feature: string, ts: number, ctx: Context): string {
  const start = ctx.endMs - ctx.options.days * DAY_MS;
  const versions = PROMPT_VERSIONS[feature]!;
  if (feature === 'refund_copilot') return ts < start + 14 * DAY_MS ? versions[0]! : versions[1]!;
  if (feature === 'search_answer') return ts < start + 20 * DAY_MS ? versions[0]! : versions[1]!;
  return versions[0]!;
}

const within = (ts: number, ctx: Context, fromEnd: number, toEnd = 0) => ts >= ctx.endMs - fromEnd && ts < ctx.endMs - toEnd;

/**
 * Incident windows, relative to the end of the data so they fall inside the drift checks'
 * windows. The 429 storm and the TTFT burn sit in the previous afternoon's peak, when there
 * is enough traffic for 5-minute and 1-hour windows to be judged.
 */
const STORM = { fromEnd: 21 * HOUR_MS, toEnd: 21 * HOUR_MS - 45 * 60_000 };
const SLOW_TTFT = { fromEnd: 20 * HOUR_MS, toEnd: 18 * HOUR_MS };
/** Extra calls per minute during the storm: a summarization batch job retrying without a cap. */
const STORM_RETRIES_PER_MINUTE = 8;

const inStorm = (ts: number, ctx: Context) => ctx.on('rate_limit_429') && within(ts, ctx, STORM.fromEnd, STORM.toEnd);

interface Guardrail {
  stage: string;
  action: string;
  dimension: string;
}

function guardrails(feature: FeatureSpec, ts: number, ctx: Context): Guardrail[] {
  const { rng } = ctx;
  const attack = feature.name === 'ticket_summarizer' && ctx.on('refusal_spike') && within(ts, ctx, DAY_MS);
  return [
    { stage: 'input', dimension: 'injection', action: rng.chance(attack ? 0.08 : 0.004) ? 'block' : 'allow' },
    { stage: 'input', dimension: 'pii', action: rng.chance(0.015) ? 'redact' : 'allow' },
    { stage: 'output', dimension: 'policy', action: rng.chance(0.003) ? 'block' : 'allow' },
  ];
}

const ERROR_CLASSES = [
  ['rate_limit_429', 0.0006],
  ['provider_5xx', 0.0003],
  ['context_length_exceeded', 0.0004],
  ['empty_completion', 0.0003],
] as const;

function baseError(rng: Prng): string | undefined {
  for (const [name, p] of ERROR_CLASSES) if (rng.chance(p)) return name;
  return undefined;
}

function answerFor(feature: FeatureSpec, questionIndex: number, ts: number, ctx: Context): string {
  const { rng } = ctx;
  if (feature.name === 'search_answer' && ctx.on('answer_drift') && within(ts, ctx, 7 * DAY_MS) && rng.chance(0.6)) {
    return rng.pick(DRIFTED_SEARCH_ANSWERS);
  }
  if (feature.name === 'billing_bot' && ctx.on('nondeterminism') && within(ts, ctx, 7 * DAY_MS) && rng.chance(0.35)) {
    return rng.pick(['Your next payment of $59.00 is due on the 1st.', 'You have no payment due; your plan renews annually.']);
  }
  return feature.answers[questionIndex % feature.answers.length]!;
}

function plantPii(text: string, rng: Prng): string {
  const planted = rng.pick([
    `Please charge card ${PLANTED_PII.pan} instead.`,
    `My SSN is ${PLANTED_PII.ssn}, can you verify me?`,
    `Send the receipt to ${PLANTED_PII.email}.`,
    `Use this key for the export: ${PLANTED_PII.api_key}`,
  ]);
  return `${text} ${planted}`;
}

/** One call (and its scores and, sometimes, its OTLP spans) at time `ts`. */
function* callAt(ts: number, index: number, ctx: Context, forced?: FeatureSpec): Generator<DemoRecord> {
  const { rng } = ctx;
  const feature = forced ?? rng.weighted(FEATURES.map((f) => [f, f.share] as const));
  const tenant = rng.weighted(TENANTS);
  const modelKey = rng.weighted(feature.models);
  const model = MODELS[modelKey]!;
  const version = promptVersion(feature.name, ts, ctx);
  const questionIndex = rng.int(0, feature.questions.length - 1);
  let input = fill(feature.questions[questionIndex]!, rng);

  const loop = ctx.on('agent_loop') && tenant === 'globex' && feature.name === 'refund_copilot' && within(ts, ctx, 20 * HOUR_MS) && rng.chance(0.6);
  let tokensIn = Math.round(rng.lognormal(feature.tokensInMedian, 0.35) * (loop ? rng.int(12, 30) : 1));
  let tokensOut = Math.round(rng.lognormal(feature.tokensOutMedian, 0.4) * (loop ? 3 : 1));
  const cached = rng.chance(0.3) ? Math.round(tokensIn * 0.4) : 0;
  const slow = feature.name === 'search_answer' && ctx.on('ttft_slo_burn') && within(ts, ctx, SLOW_TTFT.fromEnd, SLOW_TTFT.toEnd);
  const ttft = rng.lognormal(model.ttftMedianMs * (slow ? 5 : 1), 0.22);
  const toolCount = loop ? rng.int(15, 40) : feature.tools.length ? rng.int(0, 2) : 0;
  const toolCalls = Array.from({ length: toolCount }, () => {
    const name = loop ? 'search_orders' : rng.pick(feature.tools);
    const args = loop ? '{"query":"refund status","page":1}' : `{"query":"${feature.name}","id":${rng.int(1, 9999)}}`;
    return { name, args_hash: contentHash(args), latency_ms: Math.round(rng.lognormal(160, 0.5)) };
  });
  const toolsMs = toolCalls.reduce((s, t) => s + t.latency_ms, 0);

  const stormWindow = model.provider === 'anthropic' && inStorm(ts, ctx);
  let error = stormWindow && rng.chance(0.35) ? 'rate_limit_429' : baseError(rng);
  const decisions = guardrails(feature, ts, ctx);
  const blocked = decisions.some((d) => d.action === 'block');
  if (blocked) error = undefined;

  let output: string | null = answerFor(feature, questionIndex, ts, ctx);
  let finish = tokensOut > feature.tokensOutMedian * 3 ? 'length' : 'stop';
  if (error) {
    tokensOut = 0;
    output = error === 'empty_completion' ? '' : null;
    finish = error === 'empty_completion' ? 'stop' : 'error';
    if (error === 'context_length_exceeded') tokensIn = 128_000 + rng.int(100, 20_000);
  } else if (blocked) {
    output = "I'm sorry, I can't help with that request.";
    tokensOut = 12;
    finish = 'content_filter';
  }
  if (ctx.on('hostile_text') && index % 9973 === 17) input = HOSTILE_INPUTS[index % HOSTILE_INPUTS.length]!;
  if (ctx.on('pii_leak') && index % 7919 === 101) input = plantPii(input, rng);

  const swapped = modelKey === 'gpt-4o' && ctx.on('model_swap') && within(ts, ctx, 3 * DAY_MS) && rng.chance(0.4);
  const resolved = swapped ? 'gpt-4o-2024-11-20' : model.resolved;
  const failed = error !== undefined && error !== 'empty_completion';
  const priced = failed ? 0 : (priceCall(DEFAULT_PRICES, resolved, tokensIn, tokensOut, cached) ?? 0);
  const stale = modelKey === 'claude-haiku' && ctx.on('cost_mismatch') && within(ts, ctx, 10 * DAY_MS);
  const cost = stale ? priced / 3 : priced;
  const decode = failed ? 0 : tokensOut * model.msPerToken * rng.lognormal(1, 0.15);
  const total = failed ? rng.lognormal(error === 'rate_limit_429' ? 120 : 900, 0.3) : ttft + decode + toolsMs;
  const requestId = `req_${rng.hex(20)}`;
  const traceId = rng.hex(32);
  const spanId = rng.hex(16);
  const exportSpans = rng.chance(ctx.options.otlpShare) && (toolCount > 0 || feature.retrieval);
  const rootSpanId = exportSpans ? rng.hex(16) : undefined;
  const call = {
    request_id: requestId,
    trace_id: traceId,
    span_id: spanId,
    parent_span_id: rootSpanId ?? null,
    ts: new Date(ts).toISOString(),
    feature: feature.name,
    tenant_id: tenant,
    prompt_version: version,
    model_requested: model.requested,
    model_resolved: resolved,
    provider: model.provider,
    tokens_in: tokensIn,
    tokens_out: tokensOut,
    cached_tokens: cached,
    cost_usd: Math.round(cost * 1e7) / 1e7,
    latency_ms: { ttft: failed ? null : Math.round(ttft), total: Math.round(total), tools: toolsMs },
    finish_reason: finish,
    error_class: error ?? null,
    attempt: forced ? rng.int(2, 4) : stormWindow && error ? rng.int(1, 3) : 1,
    temperature: feature.temperature,
    messages_hash: contentHash(`${version}|${normalizeText(input)}`),
    response_hash: output ? contentHash(normalizeText(output)) : null,
    provider_request_id: `${model.provider === 'openai' ? 'chatcmpl-' : 'msg_'}${rng.hex(24)}`,
    retrieval_ids: feature.retrieval ? Array.from({ length: rng.int(3, 6) }, () => `kb-${rng.int(1, 400)}`) : [],
    tool_calls: toolCalls,
    guardrail_decisions: decisions,
    input_preview: input,
    output_preview: output,
    metadata: { user_locale: rng.weighted(LOCALES), retrieval_index_version: 'idx-2026-10-01', app_version: '4.12.0' },
  };
  yield { kind: 'call', value: call };
  yield* scoresFor(call, feature, ts, ctx);
  if (rootSpanId) yield { kind: 'otlp', value: otlpTraceLine({ ...call, rootSpanId, ttftMs: ttft, totalMs: total, retrieval: feature.retrieval }, rng) };
}

const JUDGE_SD = 0.06;

/**
 * A judge's scores are not a bell curve: a few answers fail outright. Below one
 * standard deviation under the mean, the distance from it grows 4.3 times as fast,
 * so about 2% of the scores are failed or borderline (0.6 or less). It reshapes the
 * draw instead of drawing again, so every other record of the dataset stays the same.
 */
function judgeTail(value: number, mean: number): number {
  const z = (value - mean) / JUDGE_SD;
  return z >= -1 ? value : mean + JUDGE_SD * (-1 + (z + 1) * 4.3);
}

function* scoresFor(call: { request_id: string; trace_id: string; prompt_version: string; error_class: string | null }, feature: FeatureSpec, ts: number, ctx: Context): Generator<DemoRecord> {
  const { rng } = ctx;
  if (call.error_class) return;
  const rotted = call.prompt_version === 'refund_v12' && ctx.on('faithfulness_drop') && within(ts, ctx, 7 * DAY_MS);
  if (feature.retrieval && rng.chance(0.03)) {
    const value = Math.min(1, Math.max(0, judgeTail(rng.normal(rotted ? 0.74 : 0.91, JUDGE_SD), rotted ? 0.74 : 0.91)));
    const scoreTs = new Date(ts + 60_000).toISOString();
    yield { kind: 'score', value: { request_id: call.request_id, trace_id: call.trace_id, name: 'faithfulness', value: Math.round(value * 1000) / 1000, source: 'judge', ts: scoreTs } };
  }
  if (rng.chance(0.015)) {
    const down = rng.chance(rotted ? 0.3 : 0.08);
    yield { kind: 'score', value: { request_id: call.request_id, name: 'thumbs', value: down ? 'down' : 'up', source: 'human', ts: new Date(ts + 120_000).toISOString() } };
  }
}

/**
 * The demo dataset, in time order: multi-week traffic of a support platform with
 * the chosen incidents injected. Deterministic for a given seed and options.
 */
export function* generateDemo(options: DemoOptions): Generator<DemoRecord> {
  const incidents = new Set(options.incidents);
  const ctx: Context = { rng: new Prng(options.seed), options, endMs: options.end.getTime(), on: (id) => incidents.has(id) };
  const start = ctx.endMs - options.days * DAY_MS;
  const perMinute = options.callsPerDay / (24 * 60) / 0.62;
  let index = 0;
  for (let minute = start; minute < ctx.endMs; minute += 60_000) {
    const hour = new Date(minute).getUTCHours();
    const count = poisson(ctx.rng, perMinute * diurnal(hour));
    const retries = inStorm(minute, ctx) ? poisson(ctx.rng, STORM_RETRIES_PER_MINUTE) : 0;
    const offsets = Array.from({ length: count + retries }, (_, i) => ({ at: Math.floor(ctx.rng.next() * 60_000), retry: i >= count })).sort((a, b) => a.at - b.at);
    for (const { at, retry } of offsets) yield* callAt(minute + at, index++, ctx, retry ? STORM_FEATURE : undefined);
  }
}

const STORM_FEATURE = FEATURES.find((f) => f.name === 'ticket_summarizer')!;

function poisson(rng: Prng, lambda: number): number {
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = rng.next();
  while (p > limit) {
    k++;
    p *= rng.next();
  }
  return k;
}
