import { maskText } from '../../../shared/pii/mask';
import { visibleText } from '../../../shared/text/visible-text';
import { useRedaction } from '../app/redaction';

/**
 * The only way trace text (prompts, answers, ids, tool names: all attacker-controlled)
 * reaches the screen: as a text node, never HTML, with hidden characters shown,
 * and PII masked in the redacted display mode.
 */
export function PlainText({ text, className }: { text: string | null | undefined; className?: string }) {
  const { redacted } = useRedaction();
  if (text === null || text === undefined || text === '') return <span className={`plain-text missing ${className ?? ''}`}>—</span>;
  return <span className={`plain-text ${className ?? ''}`}>{visibleText(redacted ? maskText(text) : text)}</span>;
}
