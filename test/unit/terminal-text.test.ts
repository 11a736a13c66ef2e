import { describe, expect, it } from 'vitest';
import { terminalText } from '../../electron/cli/terminal-text';

describe('terminalText', () => {
  it.each([
    ['plain text stays', 'req_123 metadata.user', 'req_123 metadata.user'],
    ['ANSI colour escape', 'a\u001b[31mred', 'a\\u{001b}[31mred'],
    ['OSC title change ending in BEL', '\u001b]0;pwned\u0007', '\\u{001b}]0;pwned\\u{0007}'],
    ['C1 CSI', 'x\u009b2J', 'x\\u{009b}2J'],
    ['newline, carriage return and tab', 'a\nb\rc\td', 'a\\nb\\rc\\td'],
    ['bidi override (Trojan Source)', 'admin\u202e txt.exe', 'admin\\u{202e} txt.exe'],
    ['bidi isolates', '\u2066x\u2069', '\\u{2066}x\\u{2069}'],
    ['zero-width and BOM', 'pa\u200by\ufeff', 'pa\\u{200b}y\\u{feff}'],
    ['line separator', 'a\u2028b', 'a\\u{2028}b'],
    ['non-Latin text stays', 'café 東京 مرحبا', 'café 東京 مرحبا'],
  ])('%s', (_why, input, shown) => {
    expect(terminalText(input)).toBe(shown);
  });
});
