import { FAILURE_REASONS, type FailureReason } from '../../../../shared/review/label-event';

/** What a key does in the review screen. */
export type ReviewAction =
  | { readonly kind: 'verdict'; readonly verdict: 'pass' | 'fail' }
  | { readonly kind: 'move'; readonly by: 1 | -1 }
  | { readonly kind: 'edit'; readonly field: 'note' | 'expected' }
  | { readonly kind: 'reason'; readonly reason: FailureReason }
  | { readonly kind: 'undo' };

/** p pass, f fail, j/k next/previous, n note, e expected answer, 1-6 failure reason, u undo. */
export function reviewAction(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): ReviewAction | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey) return undefined;
  switch (event.key) {
    case 'p':
      return { kind: 'verdict', verdict: 'pass' };
    case 'f':
      return { kind: 'verdict', verdict: 'fail' };
    case 'j':
      return { kind: 'move', by: 1 };
    case 'k':
      return { kind: 'move', by: -1 };
    case 'n':
      return { kind: 'edit', field: 'note' };
    case 'e':
      return { kind: 'edit', field: 'expected' };
    case 'u':
      return { kind: 'undo' };
  }
  const digit = Number(event.key);
  if (Number.isInteger(digit) && digit >= 1 && digit <= FAILURE_REASONS.length) return { kind: 'reason', reason: FAILURE_REASONS[digit - 1]! };
  return undefined;
}

/** Keys typed into a text field are text, not commands. */
export function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}
