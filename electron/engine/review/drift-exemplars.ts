import { err, ok, type Result } from '../../../shared/api/result';
import { alertExemplars, alertKey } from '../../../shared/review/alert-key';
import type { QueueOptions } from '../../../shared/review/queues';
import { type DriftOptions, runDrift } from '../drift/run-drift';
import type { Workspace } from '../workspace';

/**
 * The exemplar calls of every drift alert on the workspace, most severe alert
 * first, each call once; with `alert`, only those of the alert with that key
 * (an error naming the alerts there are when none has it).
 */
export async function driftExemplars(workspace: Workspace, options: DriftOptions = {}, alert?: string): Promise<Result<string[]>> {
  const empty = await workspace.db.one<{ n: number }>('SELECT count(*) AS n FROM calls');
  if (!empty || empty.n === 0) return ok([]);
  const report = await runDrift(workspace, options);
  if (!report.ok) return err(report.error.code, `drift exemplars: ${report.error.message}`);
  const { alerts } = report.value;
  // Every run names the same alert by the same key, so a key no alert has is a typo or an alert that no longer fires: say which keys there are.
  if (alert !== undefined && !alerts.some((a) => alertKey(a) === alert)) {
    const keys = [...new Set(alerts.map(alertKey))];
    const listed = keys.length === 0 ? 'the checks raise no alert' : `its alerts: ${keys.slice(0, 10).map((k) => JSON.stringify(k)).join(', ')}${keys.length > 10 ? ` (and ${keys.length - 10} more)` : ''}`;
    return err('bad_input', `no drift alert ${alert} on this workspace; ${listed}`);
  }
  return ok(alertExemplars(alerts, alert));
}

/** Queue options with the drift queue's exemplars filled in from a drift run, unless the caller chose them. */
export async function withDriftExemplars(workspace: Workspace, options: QueueOptions, drift: DriftOptions = {}, alert?: string): Promise<Result<QueueOptions>> {
  if (options.driftExemplars !== undefined) return ok(options);
  const exemplars = await driftExemplars(workspace, drift, alert);
  return exemplars.ok ? ok({ ...options, driftExemplars: exemplars.value }) : exemplars;
}
