import { nondeterminismWindow } from '../../../shared/drift/checks/nondeterminism';
import { refusalWindows } from '../../../shared/drift/checks/refusal-spike';
import type { DriftRules } from '../../../shared/drift/rules';
import { BLOCKED_DIMENSIONS, IS_BLOCKED_FAST } from '../../../shared/drift/sql-fragments';
import { DAY_MS } from '../../../shared/drift/windows';
import type { Db } from '../db';
import { DriftParams } from './context';

/** Numbers each run's tables: two drift runs on one connection (the Drift view's and the review queues') must not drop each other's. */
let runs = 0;

/** How many days before "now" the per-day scan covers: the longest day window of the enabled checks that read it. */
export function dailyScanDays(rules: DriftRules): number {
  const days = [
    rules.cost_anomaly.enabled ? rules.cost_anomaly.baseline_days + 1 : 0,
    rules.model_swap.enabled ? rules.model_swap.recent_days + rules.model_swap.baseline_days : 0,
    rules.answer_drift.enabled ? rules.answer_drift.recent_days + rules.answer_drift.baseline_days : 0,
    rules.ttft_slo_burn.enabled ? rules.ttft_slo_burn.budget_days : 0,
  ];
  return Math.max(1, ...days);
}

/**
 * Scans of the calls that several checks read, each run once per drift run (when a check first needs
 * it) into a TEMP table of small aggregates.
 *
 * `daily()`: calls per day and slice over the last `dailyScanDays` days, `k` being the day counted back
 * from "now" (1 = the last 24 h, [now - k days, now - (k - 1) days)). cost_anomaly (daily cost),
 * model_swap (resolutions per day), answer_drift (calls per feature and window, to size its sample)
 * and ttft_slo_burn (the 30-day budget) read it instead of scanning a million calls each. Slice columns
 * are kept as logged (NULL included); readers name a missing value after grouping.
 *
 * `blocked()`: the calls a guardrail blocked (usually well under 1%) over the windows of refusal_spike
 * and nondeterminism, by rowid, with their feature, ts and blocked dimensions. Reading
 * guardrail_decisions is the costliest part of both checks (a list of structs per call); with this
 * table they read it once between them, and refusal_spike counts requests from cheap columns only.
 */
export class SharedScans {
  private dailyTable: Promise<string> | undefined;
  private blockedTable: Promise<string> | undefined;
  private readonly run = ++runs;
  private readonly dailyName = this.tempName('drift_daily_calls');
  private readonly blockedName = this.tempName('drift_blocked_calls');

  constructor(
    private readonly db: Db,
    private readonly asOf: Date,
    private readonly rules: DriftRules,
  ) {}

  /** A TEMP table name of this run's own: checks that build tables of their own name them with it. */
  tempName(base: string): string {
    return `${base}_${this.run}`;
  }

  daily(): Promise<string> {
    this.dailyTable ??= this.buildDaily();
    return this.dailyTable;
  }

  blocked(): Promise<string> {
    this.blockedTable ??= this.buildBlocked();
    return this.blockedTable;
  }

  private async buildBlocked(): Promise<string> {
    const p = new DriftParams();
    const from = Math.min(
      Date.parse(refusalWindows(this.asOf, this.rules.refusal_spike).baseline.from),
      Date.parse(nondeterminismWindow(this.asOf, this.rules.nondeterminism).from),
    );
    await this.db.exec(
      `CREATE OR REPLACE TEMP TABLE ${this.blockedName} AS
       SELECT rowid AS rid, ts, feature, ${BLOCKED_DIMENSIONS} AS dims
       FROM calls WHERE ts < ${p.time(this.asOf)} AND ts >= ${p.time(new Date(from))} AND ${IS_BLOCKED_FAST}`,
      p.values,
    );
    return this.blockedName;
  }

  private async buildDaily(): Promise<string> {
    const p = new DriftParams();
    const days = dailyScanDays(this.rules);
    // Grouped on an integer day and the raw columns: a timestamp or a coalesce in the key costs more than the grouping.
    await this.db.exec(
      `CREATE OR REPLACE TEMP TABLE ${this.dailyName} AS
       SELECT ${p.bucketIndex(this.asOf, DAY_MS)} AS k, feature, tenant_id, model_requested, model_resolved,
         count(*) AS calls, sum(coalesce(cost_usd, 0)) AS cost, min(ts) AS first_ts,
         count(ttft_ms) AS ttft_calls, count(*) FILTER (ttft_ms > ${p.num(this.rules.ttft_slo_burn.slo_ms)}) AS ttft_slow
       FROM calls WHERE ts < ${p.time(this.asOf)} AND ts >= ${p.time(new Date(this.asOf.getTime() - days * DAY_MS))}
       GROUP BY ALL`,
      p.values,
    );
    return this.dailyName;
  }

  /** Start of day `k` (as the checks' day buckets are reported), bound in `p`. */
  dayStart(p: DriftParams, k = 'k'): string {
    return p.bucketStart(this.asOf, DAY_MS, k);
  }

  async drop(): Promise<void> {
    if (this.dailyTable) await this.db.exec(`DROP TABLE IF EXISTS ${this.dailyName}`);
    if (this.blockedTable) await this.db.exec(`DROP TABLE IF EXISTS ${this.blockedName}`);
  }
}
