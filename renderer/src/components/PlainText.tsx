import { visibleText } from '../../../shared/text/visible-text';

/**
 * The only way trace text (prompts, answers, ids, tool names: all attacker-controlled)
 * reaches the screen: as a text node, never HTML, with hidden characters shown.
 */
export function PlainText({ text, className }: { text: string | null | undefined; className?: string }) {
  if (text === null || text === undefined || text === '') return <span className={`plain-text missing ${className ?? ''}`}>—</span>;
  return <span className={`plain-text ${className ?? ''}`}>{visibleText(text)}</span>;
}
