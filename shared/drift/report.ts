import { sliceLabel } from './outcome';
import { runbookFor } from './runbooks';
import { type AlertDraft, type DriftAlert, SEVERITIES, type Severity } from './types';

/** Exemplar request ids an alert carries in JSON (the text report shows 3). */
export const MAX_EXEMPLARS = 20;

export function severityRank(severity: Severity): number {
  return SEVERITIES.length - SEVERITIES.indexOf(severity);
}

export function isSeverity(value: string): value is Severity {
  return (SEVERITIES as readonly string[]).includes(value);
}

/** Most severe first; within a severity, largest impact (excess dollars, affected calls, ...) first. */
export function sortDrafts(drafts: readonly AlertDraft[]): AlertDraft[] {
  return [...drafts].sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || b.impact - a.impact || a.check.localeCompare(b.check) || sliceLabel(a.slice).localeCompare(sliceLabel(b.slice)));
}

/** The alert as reported: the draft with its runbook and exemplars, without the internal fields. */
export function finalizeAlert(draft: AlertDraft, exemplars: readonly string[]): DriftAlert {
  return {
    check: draft.check,
    severity: draft.severity,
    slice: draft.slice,
    window: draft.window,
    baseline_window: draft.baseline_window,
    value: draft.value,
    baseline: draft.baseline,
    threshold: draft.threshold,
    message: draft.message,
    runbook: runbookFor(draft.kind),
    security: draft.security,
    exemplars: exemplars.slice(0, MAX_EXEMPLARS),
    series: draft.series,
  };
}

/** True when an alert at or above `failOn` exists: `tracelens drift` then exits 1. */
export function failsAt(alerts: readonly { severity: Severity }[], failOn: Severity): boolean {
  return alerts.some((a) => severityRank(a.severity) >= severityRank(failOn));
}
