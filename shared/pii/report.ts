import { PII_KINDS, type PiiKind } from './kinds';

/** One finding of a scan: where it is and what it is, with the value shown masked (never raw). */
export interface PiiFinding {
  readonly kind: PiiKind;
  readonly request_id: string;
  /** `input_preview`, `output_preview`, or a path such as `metadata.user.email`, `messages[0].content`, `tool_calls[1].args.card`. */
  readonly field: string;
  readonly match: string;
}

/** What `tracelens pii --json` prints and the app shows. */
export interface PiiReport {
  readonly findings: readonly PiiFinding[];
  readonly counts: Readonly<Record<PiiKind, number>>;
  readonly rows_scanned: number;
}

export function emptyCounts(): Record<PiiKind, number> {
  return Object.fromEntries(PII_KINDS.map((k) => [k, 0])) as Record<PiiKind, number>;
}
