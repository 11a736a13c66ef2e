/** The guide's runbook action per alert kind ("Alert thresholds" and "Drift detection" tables). */
export const RUNBOOKS: Readonly<Record<string, string>> = {
  cost_daily: 'Slice the day by tenant and feature, look for a runaway agent loop or prompt bloat; cap max_tokens and tool iterations for that tenant.',
  cost_p99: 'Open the costliest calls: a runaway tool loop or a missing max_tokens. Cap tool iterations and max_tokens, then roll back the deploy that changed them.',
  model_swap: 'Pin the model snapshot in the request (or the gateway route), compare quality and cost of the new snapshot on exemplars, and tag evals with model_resolved.',
  faithfulness_drop: 'Freeze prompt merges, open an incident and review the exemplars; check retrieval (index rot) before rolling back the prompt version.',
  refusal_spike: 'Check attack traffic against false positives: review a sample of blocked calls before loosening any rail.',
  refusal_spike_security: 'Route to SecOps (injection) or privacy on-call (PII): confirm the attack in the blocked exemplars and block the source; do not loosen the rail.',
  rate_limit_429: 'Enable queueing with capped backoff and switch traffic to the fallback model; ask the provider for quota.',
  provider_5xx: 'Check the provider status page and fail over to another region or provider.',
  context_overflow: 'Trim retrieval (fewer or shorter chunks) and summarize long threads before the call.',
  empty_completion: 'Check content-filter and harm blocks misfiring; sample the empty completions.',
  ttft_fast_burn: 'Compare TTFT with tokens_out: without a token spike, suspect provider queueing; check the provider status and enable the fallback model.',
  ttft_slow_burn: 'Open a ticket: compare TTFT with prompt size (tokens_in) and queue time per model; consider a faster model or prompt caching.',
  nondeterminism: 'Pin model snapshot and seed where the provider supports it; score answer distributions (judges, similarity bands) instead of exact matches.',
  cost_mismatch: 'Reconcile the price table with the provider invoice: update the logged cost computation (versioned price table) or the table shipped to TraceLens.',
  cost_unknown_model: 'Add the model to the price table (--prices FILE) so its spend can be checked.',
  answer_drift: 'Investigate index rot or a model swap: compare recent answers with baseline exemplars and check retrieval and model_resolved for the feature.',
  tool_loop: 'Cap tool iterations (max_tool_iterations) and add loop detection on repeated (tool, args); kill the runaway sessions and roll back the deploy that raised the cap.',
};

export function runbookFor(kind: string): string {
  return RUNBOOKS[kind] ?? 'Acknowledge; check provider status and recent deploys; open trace exemplars; roll back the prompt version or enable the fallback model.';
}
