import { CHECK_IDS, type CheckId } from './types';

/**
 * Default thresholds, from the observability guide ("Alert thresholds", "Core SLIs",
 * "Drift detection week-over-week"). Every value can be overridden by a rules file.
 */
export const DEFAULT_RULES = {
  cost_anomaly: {
    enabled: true,
    baseline_days: 28,
    z: 2.5,
    sigma_floor_ratio: 0.05,
    min_baseline_days: 7,
    min_requests: 50,
    p99_ratio: 3,
    p99_window_hours: 1,
    min_requests_p99: 10,
  },
  model_swap: { enabled: true, recent_days: 7, baseline_days: 28, min_share: 0.01, min_calls: 10, min_baseline_calls: 100 },
  faithfulness_drop: { enabled: true, score_name: 'faithfulness', window_days: 7, max_drop: 0.08, min_samples: 30 },
  refusal_spike: { enabled: true, window_hours: 24, baseline_days: 7, ratio: 2, min_requests: 200, min_blocks: 10, baseline_rate_floor: 0.001 },
  error_rate_spike: {
    enabled: true,
    lookback_hours: 24,
    window_minutes: 5,
    overflow_window_minutes: 15,
    rate_429: 0.05,
    rate_5xx: 0.01,
    rate_context_overflow: 0.1,
    rate_empty: 0.005,
    min_requests: 20,
    min_errors: 3,
  },
  ttft_slo_burn: {
    enabled: true,
    slo_ms: 800,
    objective: 0.95,
    budget_days: 30,
    lookback_hours: 24,
    fast_window_hours: 1,
    fast_burn: 14.4,
    slow_window_hours: 6,
    slow_burn: 6,
    min_requests: 20,
  },
  nondeterminism: { enabled: true, window_days: 7, max_temperature: 0, min_repeated_prompts: 5, min_divergent_prompts: 2, max_divergent_share: 0.05 },
  cost_mismatch: { enabled: true, window_days: 7, max_mismatch: 0.05, min_calls: 20 },
  answer_drift: {
    enabled: true,
    recent_days: 7,
    baseline_days: 28,
    min_similarity_embedding: 0.92,
    min_similarity_text: 0.9,
    min_answers: 50,
    max_answers: 2000,
  },
  tool_loop: { enabled: true, window_hours: 24, max_tool_calls: 8, max_repeats: 3, min_calls: 3 },
} satisfies Record<CheckId, { enabled: boolean } & Record<string, number | string | boolean>>;

type Widen<T> = { [K in keyof T]: T[K] extends number ? number : T[K] extends string ? string : T[K] extends boolean ? boolean : T[K] };
export type DriftRules = { readonly [C in CheckId]: Readonly<Widen<(typeof DEFAULT_RULES)[C]>> };
export type RulesOf<C extends CheckId> = DriftRules[C];

export class RulesError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RulesError';
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Rules with the overrides of a parsed rules file (`{"checks": {"<id>": {...}}}`); throws RulesError naming the bad key. */
export function resolveRules(parsed: unknown): DriftRules {
  if (parsed === null || parsed === undefined) return DEFAULT_RULES;
  if (!isRecord(parsed)) throw new RulesError('rules file must hold an object with a "checks" key');
  for (const key of Object.keys(parsed)) if (key !== 'checks') throw new RulesError(`unknown key "${key}" in rules file; the only top-level key is "checks"`);
  const checks = parsed['checks'];
  if (checks === undefined || checks === null) return DEFAULT_RULES;
  if (!isRecord(checks)) throw new RulesError('"checks" must be an object of check ids');
  const rules: Record<string, Record<string, unknown>> = {};
  for (const id of CHECK_IDS) rules[id] = { ...DEFAULT_RULES[id] };
  for (const [id, overrides] of Object.entries(checks)) {
    if (!(CHECK_IDS as readonly string[]).includes(id)) throw new RulesError(`unknown check "checks.${id}"; checks are: ${CHECK_IDS.join(', ')}`);
    if (overrides === null) continue;
    if (typeof overrides === 'boolean') {
      rules[id]!['enabled'] = overrides;
      continue;
    }
    if (!isRecord(overrides)) throw new RulesError(`"checks.${id}" must be an object of thresholds (or true/false)`);
    const defaults = DEFAULT_RULES[id as CheckId] as Record<string, unknown>;
    for (const [key, value] of Object.entries(overrides)) {
      const path = `checks.${id}.${key}`;
      if (!(key in defaults)) throw new RulesError(`unknown key "${path}"; ${id} takes: ${Object.keys(defaults).join(', ')}`);
      const expected = typeof defaults[key];
      if (typeof value !== expected || (expected === 'number' && !Number.isFinite(value as number))) {
        throw new RulesError(`"${path}" must be a ${expected} (got ${JSON.stringify(value)})`);
      }
      if (expected === 'number' && (value as number) < 0) throw new RulesError(`"${path}" must not be negative (got ${String(value)})`);
      // Day windows end at "now" in whole days: the checks share one per-day scan of the calls.
      if (key.endsWith('_days') && !Number.isInteger(value)) throw new RulesError(`"${path}" must be a whole number of days (got ${String(value)})`);
      if (expected === 'string' && (value as string).trim() === '') throw new RulesError(`"${path}" must not be empty`);
      rules[id]![key] = value;
    }
  }
  return rules as unknown as DriftRules;
}
