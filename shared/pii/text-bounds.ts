/** Character tests shared by the detectors; each looks at one character, so every detector stays linear. */
export function isWordChar(text: string, index: number): boolean {
  const c = text.charCodeAt(index);
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

export function isDigit(text: string, index: number): boolean {
  const c = text.charCodeAt(index);
  return c >= 48 && c <= 57;
}

/**
 * True when the number ending before `start` or beginning at `end` glues onto a
 * neighbour: a letter or digit, or a `.`/`-`/`/` followed by one (`v1.4111...`,
 * `ORD-4111...`, `0.4111...`): then it is part of an id or a decimal, not a value of its own.
 */
export function gluedBefore(text: string, start: number): boolean {
  if (start === 0) return false;
  if (isWordChar(text, start - 1)) return true;
  const c = text[start - 1];
  return (c === '.' || c === '-' || c === '/') && start >= 2 && isWordChar(text, start - 2);
}

export function gluedAfter(text: string, end: number): boolean {
  if (end >= text.length) return false;
  if (isWordChar(text, end)) return true;
  const c = text[end];
  return (c === '.' || c === '-' || c === '/') && end + 1 < text.length && isWordChar(text, end + 1);
}
