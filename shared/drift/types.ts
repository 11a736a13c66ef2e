/** The drift report: what `tracelens drift --json` prints and the app's alerts view shows. */
export const CHECK_IDS = [
  'cost_anomaly',
  'model_swap',
  'faithfulness_drop',
  'refusal_spike',
  'error_rate_spike',
  'ttft_slo_burn',
  'nondeterminism',
  'cost_mismatch',
  'answer_drift',
  'tool_loop',
] as const;

export type CheckId = (typeof CHECK_IDS)[number];

export const SEVERITIES = ['page', 'ticket', 'warn'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** A half-open time range [from, to) as ISO 8601 UTC strings. */
export interface TimeWindow {
  readonly from: string;
  readonly to: string;
}

export interface SeriesPoint {
  readonly t: string;
  readonly value: number | null;
}

export type Slice = Readonly<Record<string, string>>;

export interface DriftAlert {
  readonly check: CheckId;
  readonly severity: Severity;
  readonly slice: Slice;
  /** The incident window the value was measured in. */
  readonly window: TimeWindow;
  readonly baseline_window: TimeWindow | null;
  readonly value: number;
  readonly baseline: number | null;
  readonly threshold: number;
  readonly message: string;
  /** What to do next, from the guide's runbooks. */
  readonly runbook: string;
  /** Routes to security (SecOps / privacy on-call) rather than #llm-ops. */
  readonly security: boolean;
  readonly exemplars: readonly string[];
  /** The metric over time for this slice, baseline and incident windows included (at most 200 points). */
  readonly series: readonly SeriesPoint[];
}

export type CheckStatus = 'ok' | 'alert' | 'skipped';

export interface SkippedSlice {
  readonly slice: Slice;
  readonly reason: string;
}

export interface CheckResult {
  readonly check: CheckId;
  readonly status: CheckStatus;
  readonly reason: string;
  /** Slices left out for too little volume (the first 20). */
  readonly skipped_slices: readonly SkippedSlice[];
  /** Wall time of the check's queries and decisions (a shared scan counts for the first check that reads it). */
  readonly duration_ms: number;
}

export interface DriftReport {
  readonly as_of: string;
  readonly alerts: readonly DriftAlert[];
  readonly checks: readonly CheckResult[];
}

/**
 * An alert as a pure check decides it: no exemplars or series yet (the engine adds
 * them), plus `kind` (which runbook, which calls are evidence) and `impact` (the sort key
 * within a severity: excess dollars, affected calls, ...).
 */
export interface AlertDraft extends Omit<DriftAlert, 'exemplars' | 'series' | 'runbook'> {
  readonly kind: string;
  readonly impact: number;
  readonly series: readonly SeriesPoint[];
  /** Evidence the check already has (otherwise the engine looks the calls up). */
  readonly exemplars?: readonly string[];
}

/** What one check concluded. */
export interface CheckOutcome {
  readonly status: CheckStatus;
  readonly reason: string;
  readonly alerts: readonly AlertDraft[];
  readonly skipped: readonly SkippedSlice[];
}
