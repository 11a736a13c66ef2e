import { maskText } from './mask';

/** A piece of free text inside a JSON value and where it is (`metadata.user.email`, `messages[0].content`). */
export interface JsonText {
  readonly path: string;
  readonly text: string;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A key as a path step; a key is attacker-controlled text too, so it is shown masked. */
function step(key: string): string {
  return IDENTIFIER.test(key) ? `.${key}` : `[${JSON.stringify(maskText(key))}]`;
}

/**
 * Every string in `value` (and every integer long enough to be a card number),
 * plus every object key, with its path. Iterative: a deeply nested document
 * cannot overflow the stack.
 */
export function jsonTexts(root: string, value: unknown): JsonText[] {
  const out: JsonText[] = [];
  const stack: { path: string; value: unknown }[] = [{ path: root, value }];
  while (stack.length > 0) {
    const { path, value: v } = stack.pop()!;
    if (typeof v === 'string') out.push({ path, text: v });
    else if (typeof v === 'number' && Number.isSafeInteger(v) && Math.abs(v) >= 1e12) out.push({ path, text: String(v) });
    else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ path: `${path}[${i}]`, value: v[i] });
    } else if (v !== null && typeof v === 'object') {
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i]!;
        const childPath = path + step(key);
        stack.push({ path: childPath, value: child });
        stack.push({ path: `${childPath} (key)`, value: key });
      }
    }
  }
  return out;
}

/** The texts of a JSON document given as text; text that is not JSON is one text of its own. */
export function jsonTextsOf(root: string, json: string): JsonText[] {
  try {
    return jsonTexts(root, JSON.parse(json));
  } catch {
    return [{ path: root, text: json }];
  }
}
