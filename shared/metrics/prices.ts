/**
 * A price table: USD per 1M tokens per model. Cached prompt tokens are billed at
 * `cached_input` when given, else at the input rate. The default table ships with
 * the app; users replace it with their own file (`--prices FILE`).
 */
export interface ModelPrice {
  readonly input: number;
  readonly output: number;
  readonly cached_input?: number;
}

export interface PriceTable {
  readonly version: string;
  readonly per_million_tokens: Readonly<Record<string, ModelPrice>>;
}

export const DEFAULT_PRICES: PriceTable = {
  version: '2026-11-01',
  per_million_tokens: {
    'gpt-4o': { input: 2.5, output: 10, cached_input: 1.25 },
    'gpt-4o-2024-08-06': { input: 2.5, output: 10, cached_input: 1.25 },
    'gpt-4o-2024-11-20': { input: 2.5, output: 10, cached_input: 1.25 },
    'gpt-4o-mini': { input: 0.15, output: 0.6, cached_input: 0.075 },
    'gpt-4o-mini-2024-07-18': { input: 0.15, output: 0.6, cached_input: 0.075 },
    'gpt-4.1': { input: 2, output: 8, cached_input: 0.5 },
    'gpt-4.1-mini': { input: 0.4, output: 1.6, cached_input: 0.1 },
    'o3-mini': { input: 1.1, output: 4.4, cached_input: 0.55 },
    'claude-sonnet-4-20250514': { input: 3, output: 15, cached_input: 0.3 },
    'claude-3-5-haiku-20241022': { input: 0.8, output: 4, cached_input: 0.08 },
    'claude-opus-4-20250514': { input: 15, output: 75, cached_input: 1.5 },
    'gemini-2.0-flash': { input: 0.1, output: 0.4, cached_input: 0.025 },
    'text-embedding-3-small': { input: 0.02, output: 0 },
  },
};

/** Cost of one call from a price table, or undefined when the model is not in it. */
export function priceCall(table: PriceTable, model: string, tokensIn: number, tokensOut: number, cachedTokens = 0): number | undefined {
  const price = table.per_million_tokens[model];
  if (!price) return undefined;
  const cached = Math.min(Math.max(cachedTokens, 0), tokensIn);
  const cachedRate = price.cached_input ?? price.input;
  return ((tokensIn - cached) * price.input + cached * cachedRate + tokensOut * price.output) / 1_000_000;
}
