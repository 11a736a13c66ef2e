import { describe, expect, it } from 'vitest';
import { hasHiddenCharacters, visibleText } from '../../shared/text/visible-text';

describe('visibleText', () => {
  it.each([
    ['a right-to-left override', 'invoice\u202Efdp.exe', 'invoice⟨U+202E⟩fdp.exe'],
    ['an isolate', 'a\u2066b\u2069c', 'a⟨U+2066⟩b⟨U+2069⟩c'],
    ['zero-width characters', 'pa\u200Bss\u200Dword\uFEFF', 'pa⟨U+200B⟩ss⟨U+200D⟩word⟨U+FEFF⟩'],
    ['a control character', 'bell\u0007', 'bell⟨U+0007⟩'],
    ['a tag character (invisible prompt injection)', 'hi\u{E0041}', 'hi⟨U+E0041⟩'],
  ])('shows %s', (_what, input, shown) => {
    expect(visibleText(input)).toBe(shown);
    expect(hasHiddenCharacters(input)).toBe(true);
  });

  it('leaves ordinary text, newlines, tabs, markup and other scripts alone', () => {
    const text = 'Line 1\n\tLine 2 <img src=x onerror=alert(1)> שלום 你好 émoji 👍';
    expect(visibleText(text)).toBe(text);
    expect(hasHiddenCharacters(text)).toBe(false);
  });
});
