/** What the PII and secret scan reports. Secrets other than private key blocks are all `api_key`. */
export const PII_KINDS = ['pan', 'ssn', 'email', 'api_key', 'private_key', 'phone'] as const;

export type PiiKind = (typeof PII_KINDS)[number];

/** One finding in a text: `text.slice(start, end)` is the sensitive value. */
export interface PiiMatch {
  readonly kind: PiiKind;
  readonly start: number;
  readonly end: number;
}

export interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * One detector: `find` does the exact validation; `prefilter` is a loose pattern
 * (RE2 and JavaScript syntax alike) that matches every text `find` can flag, so a
 * database can pick candidate rows before any JavaScript runs.
 */
export interface Detector {
  readonly kind: PiiKind;
  readonly prefilter: string;
  find(text: string): Span[];
}

/** The typed placeholder a finding becomes in masked text. */
export const PLACEHOLDERS: Readonly<Record<PiiKind, string>> = {
  pan: '[PAN]',
  ssn: '[SSN]',
  email: '[EMAIL]',
  api_key: '[SECRET]',
  private_key: '[SECRET]',
  phone: '[PHONE]',
};

export function isPiiKind(value: string): value is PiiKind {
  return (PII_KINDS as readonly string[]).includes(value);
}
