/** What names an alert in a link to its exemplars: its check, severity and slice. */
export interface AlertIdentity {
  readonly check: string;
  readonly severity: string;
  readonly slice: Readonly<Record<string, string>>;
}

/**
 * An alert's key, like `faithfulness_drop.ticket:prompt_version=refund_v12`: the
 * same alert gets the same key in every run of the checks, so a link to the drift
 * queue restricted to one alert still means that alert after a rerun.
 */
export function alertKey(alert: AlertIdentity): string {
  const slice = Object.entries(alert.slice)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  return `${alert.check}.${alert.severity}:${slice}`;
}

/** The exemplar calls of the alerts, each once, most severe alert first; only those of the alert with `key` when given. */
export function alertExemplars(alerts: readonly (AlertIdentity & { readonly exemplars: readonly string[] })[], key?: string): string[] {
  const chosen = key === undefined ? alerts : alerts.filter((a) => alertKey(a) === key);
  return [...new Set(chosen.flatMap((a) => a.exemplars))];
}
