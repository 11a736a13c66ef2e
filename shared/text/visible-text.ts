/**
 * Trace text is attacker-controlled. Characters that reorder or hide text (bidi
 * overrides and isolates, zero-width and other invisible characters, controls) are
 * replaced by a visible escape like ⟨U+202E⟩, so what a reviewer reads is what is there.
 * Newlines and tabs are kept.
 */
const HIDDEN_RANGES: readonly (readonly [number, number])[] = [
  [0x0000, 0x0008],
  [0x000b, 0x000c],
  [0x000e, 0x001f],
  [0x007f, 0x009f],
  [0x00ad, 0x00ad],
  [0x034f, 0x034f],
  [0x061c, 0x061c],
  [0x115f, 0x1160],
  [0x17b4, 0x17b5],
  [0x180e, 0x180e],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x206f],
  [0x3164, 0x3164],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
  [0xffa0, 0xffa0],
  [0xfff9, 0xfffb],
  [0xe0000, 0xe0fff],
];

function isHidden(code: number): boolean {
  return HIDDEN_RANGES.some(([from, to]) => code >= from && code <= to);
}

function escape(code: number): string {
  return `⟨U+${code.toString(16).toUpperCase().padStart(4, '0')}⟩`;
}

export function visibleText(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    out += isHidden(code) ? escape(code) : ch;
  }
  return out;
}

export function hasHiddenCharacters(text: string): boolean {
  for (const ch of text) if (isHidden(ch.codePointAt(0)!)) return true;
  return false;
}
