/** Guardrail actions that stop a request: what the block rate counts. */
export const BLOCK_ACTIONS = ['block', 'blocked', 'deny', 'denied', 'refuse', 'refused', 'reject', 'rejected'] as const;

/** Guardrail dimensions that route to security (SecOps / privacy on-call) rather than #llm-ops. */
export const SECURITY_DIMENSIONS = ['injection', 'prompt_injection', 'jailbreak', 'pii', 'secrets', 'data_exfiltration'] as const;
