/**
 * Characters that change what a terminal shows rather than being shown: C0/C1
 * controls (escape sequences start with ESC), DEL, bidi overrides and isolates
 * (which can reorder a line: "Trojan Source"), zero-width characters and line
 * separators.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Trace text (attacker-controlled) made safe to print on one terminal line: unsafe characters shown as escapes. */
export function terminalText(text: string): string {
  return text.replace(UNSAFE, (c) => NAMED[c] ?? `\\u{${c.codePointAt(0)!.toString(16).padStart(4, '0')}}`);
}
