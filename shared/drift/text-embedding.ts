/**
 * The local text embedding answer_drift uses when a dump logs no `embedding`: a hashed
 * bag of words and word bigrams of the lower-cased output_preview, each answer scaled to
 * unit length. Deterministic, offline, no model download. The engine computes it in SQL
 * with these constants.
 */
export const TEXT_EMBEDDING = {
  dims: 1024,
  /** Characters that separate words (anything that is not a letter or digit). */
  separator: '[^[:alnum:]]+',
  description: 'hashed word unigrams and bigrams, 1,024 dimensions',
} as const;
