import { type AppError, err, ok, type Result } from '../../../shared/api/result';
import { DEFAULT_PRICES, type PriceTable } from '../../../shared/metrics/prices';
import { finalizeAlert, sortDrafts } from '../../../shared/drift/report';
import { DEFAULT_RULES, type DriftRules } from '../../../shared/drift/rules';
import { skippedCheck } from '../../../shared/drift/outcome';
import { type CheckId, type CheckOutcome, type CheckResult, CHECK_IDS, type DriftReport } from '../../../shared/drift/types';
import { asOfInstant } from '../../../shared/drift/windows';
import { firstLine } from '../db';
import { isEngineError } from '../errors';
import type { Workspace } from '../workspace';
import { runAnswerDrift } from './checks/answer-drift';
import { runCostAnomaly } from './checks/cost-anomaly';
import { runCostMismatch } from './checks/cost-mismatch';
import { runErrorRateSpike } from './checks/error-rate-spike';
import { runFaithfulnessDrop } from './checks/faithfulness-drop';
import { runModelSwap } from './checks/model-swap';
import { runNondeterminism } from './checks/nondeterminism';
import { runRefusalSpike } from './checks/refusal-spike';
import { runToolLoop } from './checks/tool-loop';
import { runTtftSloBurn } from './checks/ttft-slo-burn';
import type { DriftContext } from './context';
import { findExemplars } from './exemplars';

export interface DriftOptions {
  /** "Now" (ISO 8601); the latest call's ts when omitted. */
  readonly asOf?: string;
  readonly rules?: DriftRules;
  readonly prices?: PriceTable;
  /** Called after each check, for a progress display. */
  readonly onCheck?: (done: number, total: number, check: CheckId) => void;
}

const RUNNERS: Record<CheckId, (ctx: DriftContext) => Promise<CheckOutcome>> = {
  cost_anomaly: runCostAnomaly,
  model_swap: runModelSwap,
  faithfulness_drop: runFaithfulnessDrop,
  refusal_spike: runRefusalSpike,
  error_rate_spike: runErrorRateSpike,
  ttft_slo_burn: runTtftSloBurn,
  nondeterminism: runNondeterminism,
  cost_mismatch: runCostMismatch,
  answer_drift: runAnswerDrift,
  tool_loop: runToolLoop,
};

/** Latest and earliest call times (up to "now" when given). */
async function timeRange(workspace: Workspace, asOf: string | undefined): Promise<{ latest: string | null; first: string | null }> {
  const where = asOf ? 'WHERE ts <= CAST($1 AS TIMESTAMPTZ)' : '';
  const row = await workspace.db.one<{ latest: string | null; first: string | null }>(`SELECT max(ts) AS latest, min(ts) AS first FROM calls ${where}`, asOf ? [asOf] : []);
  return { latest: row?.latest ?? null, first: row?.first ?? null };
}

/**
 * Runs every enabled drift check on a workspace. All aggregation happens in DuckDB;
 * the checks' decisions are the pure functions of shared/drift.
 */
export async function runDrift(workspace: Workspace, options: DriftOptions = {}): Promise<Result<DriftReport>> {
  try {
    const rules = options.rules ?? DEFAULT_RULES;
    if (options.asOf !== undefined && Number.isNaN(Date.parse(options.asOf))) return err('usage', `as-of must be an ISO 8601 time (got "${options.asOf}")`);
    const asOfIso = options.asOf === undefined ? undefined : new Date(options.asOf).toISOString();
    const range = await timeRange(workspace, asOfIso);
    if (range.latest === null || range.first === null) return err('bad_input', options.asOf ? `no calls at or before ${options.asOf}` : 'no calls loaded: nothing to check');
    const asOf = asOfIso ? new Date(asOfIso) : asOfInstant(range.latest);
    const ctx: DriftContext = { db: workspace.db, asOf, firstTs: new Date(range.first), rules, prices: options.prices ?? DEFAULT_PRICES };
    const outcomes: { check: CheckId; outcome: CheckOutcome }[] = [];
    for (const check of CHECK_IDS) {
      const outcome = rules[check].enabled ? await RUNNERS[check](ctx) : skippedCheck('disabled by the rules file');
      outcomes.push({ check, outcome });
      options.onCheck?.(outcomes.length, CHECK_IDS.length, check);
    }
    const drafts = sortDrafts(outcomes.flatMap((o) => o.outcome.alerts));
    const exemplars = await findExemplars(workspace.db, drafts, rules);
    const checks: CheckResult[] = outcomes.map(({ check, outcome }) => ({ check, status: outcome.status, reason: outcome.reason, skipped_slices: outcome.skipped.slice(0, 20) }));
    const report: DriftReport = {
      as_of: asOfIso ?? new Date(range.latest).toISOString(),
      alerts: drafts.map((d, i) => finalizeAlert(d, exemplars[i]!)),
      checks,
    };
    return ok(report);
  } catch (error) {
    const appError: AppError = isEngineError(error) ? { code: error.code, message: error.message } : { code: 'internal', message: firstLine(error instanceof Error ? error.message : String(error)) };
    return err(appError.code, appError.message);
  }
}
