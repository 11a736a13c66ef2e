/** What one side of a comparison measured, inside its own child process. */
export interface SideResult {
  /** Wall time of the measured work, in milliseconds. */
  readonly ms: number;
  /** Rows the work produced or read. */
  readonly rows: number;
  /** Anything else worth keeping in the results (counts that prove the work was done right). */
  readonly detail?: Readonly<Record<string, unknown>>;
}

export type SideArgs = Readonly<Record<string, string | number | undefined>>;

export type Side = (args: SideArgs) => Promise<SideResult>;

export function stringArg(args: SideArgs, name: string): string {
  const value = args[name];
  if (typeof value !== 'string') throw new Error(`side argument ${name} is missing`);
  return value;
}

export function optionalString(args: SideArgs, name: string): string | undefined {
  const value = args[name];
  return typeof value === 'string' ? value : undefined;
}

export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

/**
 * A query figure as a user feels it in an open app: one untimed run (caches warm,
 * as after the first view), then the median of `times` timed runs.
 */
export async function warmMedian<T>(work: () => Promise<T>, times = 5): Promise<{ ms: number; value: T }> {
  let value: T = await work();
  const runs: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    value = await work();
    runs.push(performance.now() - started);
  }
  runs.sort((a, b) => a - b);
  return { ms: runs[Math.floor(runs.length / 2)]!, value };
}
