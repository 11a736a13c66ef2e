function fnv1a32(text: string, seed: number): number {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A 64-bit content hash (two FNV-1a passes) as 16 hex digits: stable ids without node:crypto. */
export function contentHash(text: string): string {
  return fnv1a32(text, 0x811c9dc5).toString(16).padStart(8, '0') + fnv1a32(text, 0x050c5d1f).toString(16).padStart(8, '0');
}

/** The guide's normalization before hashing a response: collapse whitespace, lower-case. */
export function normalizeText(text: string): string {
  return text.split(/\s+/).filter(Boolean).join(' ').toLowerCase();
}
