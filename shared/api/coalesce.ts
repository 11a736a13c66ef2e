import type { MethodName } from './contract';
import type { Result } from './result';
import type { Transport } from './transport';

/** At most how long an answer waits for the others asked with it. */
export const HOLD_MS = 600;

/** Runs `work` after `ms` milliseconds; the function returned cancels it. */
export type Schedule = (work: () => void, ms: number) => () => void;

interface Group {
  open: boolean;
  /** Calls of the group not answered yet. */
  unanswered: number;
  /** Answers that arrived and wait to be handed over, in arrival order. */
  readonly held: (() => void)[];
  cancel: (() => void) | undefined;
}

/**
 * Hands over the answers of calls made in the same turn (the panels of a view asking at once) together:
 * when all of them have arrived, or `holdMs` after the first one that waits, whichever comes first.
 * Each answer handed over alone costs the page a render and a paint of its own: on a million calls a
 * facet click's ten answers arrive over half a second, and drawing them one by one kept the page's main
 * thread busy 250-350 ms beside the engine on the same cores, against 90-150 ms drawn together. The
 * panels also change together instead of showing the new slice beside the old. A call made alone (a
 * label save) is handed over as soon as it is answered.
 */
export function coalescing(transport: Transport, schedule: Schedule, holdMs = HOLD_MS): Transport {
  let current: Group | undefined;

  const release = (group: Group) => {
    group.cancel?.();
    group.cancel = undefined;
    for (const handOver of group.held.splice(0)) handOver();
  };

  function call(method: MethodName, request: unknown): Promise<Result<unknown>> {
    let group = current;
    if (!group) {
      const opened: Group = { open: true, unanswered: 0, held: [], cancel: undefined };
      current = group = opened;
      // The turn ends at the next microtask: calls made after it form a group of their own.
      void Promise.resolve().then(() => {
        opened.open = false;
        if (current === opened) current = undefined;
        if (opened.unanswered === 0) release(opened);
      });
    }
    const member = group;
    member.unanswered++;
    return new Promise((resolve, reject) => {
      const arrived = (handOver: () => void) => {
        member.unanswered--;
        member.held.push(handOver);
        if (member.unanswered === 0 && !member.open) release(member);
        else member.cancel ??= schedule(() => release(member), holdMs);
      };
      transport.call(method, request).then(
        (result) => arrived(() => resolve(result)),
        (error: unknown) => arrived(() => reject(error)),
      );
    });
  }

  return { call, subscribe: (listener) => transport.subscribe(listener) };
}
