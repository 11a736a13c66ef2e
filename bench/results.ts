import type { Spread } from './stats';

export interface SideSummary {
  readonly label: string;
  readonly ms: Spread;
  readonly rssMb: Spread;
  readonly rows: number;
  readonly rowsPerS: number;
  readonly mbPerS: number | null;
  readonly runsMs: readonly number[];
  readonly detail?: Readonly<Record<string, unknown>>;
}

export interface CaseResult {
  readonly id: string;
  readonly group: string;
  readonly title: string;
  readonly inputMb: number | null;
  readonly a?: SideSummary;
  readonly b?: SideSummary;
  /** Median of a / median of b. */
  readonly ratio?: number;
  readonly rssRatio?: number;
  /** Why the case was not measured, or what went wrong. */
  readonly note?: string;
}

export interface TargetResult {
  readonly target: string;
  readonly measured: string;
  /** true / false, or null when the figure could not be measured in this run. */
  readonly ok: boolean | null;
}
