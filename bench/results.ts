import type { Spread } from './stats';

export interface SideSummary {
  readonly label: string;
  readonly ms: Spread;
  readonly rssMb: Spread;
  readonly rows: number;
  readonly rowsPerS: number;
  readonly mbPerS: number | null;
  readonly runsMs: readonly number[];
  /** CPU time of the measured work (all threads), when the side reports it. */
  readonly cpuMs?: Spread;
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
  /** Median CPU time of a / median CPU time of b: steadier than `ratio` on a busy machine. */
  readonly cpuRatio?: number;
  /** Why the case was not measured, or what went wrong. */
  readonly note?: string;
  /** Seconds the case took in all, processes started and untimed work included (the run's budget). */
  readonly wallS?: number;
}

export interface TargetResult {
  readonly target: string;
  readonly measured: string;
  /** true / false, or null when the figure could not be measured in this run. */
  readonly ok: boolean | null;
}
