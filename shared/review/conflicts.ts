import type { Verdict } from './label-event';
import { compareText, type CurrentLabel } from './replay';

export type ConflictPolicy = 'none' | 'latest';

/** Reviewers who disagree on a call. */
export interface LabelConflict {
  readonly request_id: string;
  readonly labels: readonly { readonly reviewer: string; readonly verdict: Verdict; readonly labeled_at: string }[];
}

/** The label that stands for a call: the latest of its (agreeing, or resolved) labels. */
export interface ResolvedLabel {
  readonly request_id: string;
  readonly label: CurrentLabel;
  /** True when reviewers disagreed and the latest label was taken. */
  readonly resolvedConflict: boolean;
}

export interface Resolution {
  readonly resolved: ResolvedLabel[];
  readonly conflicts: LabelConflict[];
}

function latest(labels: readonly CurrentLabel[]): CurrentLabel {
  return labels.reduce((a, b) => {
    const d = Date.parse(b.labeled_at) - Date.parse(a.labeled_at);
    return d > 0 || (d === 0 && b.seq > a.seq) ? b : a;
  });
}

export function groupByRequest(labels: readonly CurrentLabel[]): Map<string, CurrentLabel[]> {
  const groups = new Map<string, CurrentLabel[]>();
  for (const label of labels) {
    const group = groups.get(label.request_id);
    if (group) group.push(label);
    else groups.set(label.request_id, [label]);
  }
  return groups;
}

/**
 * One label per call. Calls whose reviewers disagree are reported as conflicts;
 * with policy `latest` the latest label settles them, otherwise they are left out.
 */
export function resolveLabels(labels: readonly CurrentLabel[], policy: ConflictPolicy): Resolution {
  const resolved: ResolvedLabel[] = [];
  const conflicts: LabelConflict[] = [];
  const groups = [...groupByRequest(labels)].sort(([a], [b]) => compareText(a, b));
  for (const [requestId, group] of groups) {
    const conflicted = new Set(group.map((l) => l.verdict)).size > 1;
    if (conflicted) {
      conflicts.push({ request_id: requestId, labels: group.map((l) => ({ reviewer: l.reviewer, verdict: l.verdict, labeled_at: l.labeled_at })) });
      if (policy !== 'latest') continue;
    }
    resolved.push({ request_id: requestId, label: latest(group), resolvedConflict: conflicted });
  }
  return { resolved, conflicts };
}
