import type { ModelPrice, PriceTable } from '../metrics/prices';

export class PriceTableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PriceTableError';
  }
}

const PRICE_KEYS = ['input', 'output', 'cached_input'] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A user's price table (`--prices FILE`): `{"version": "...", "per_million_tokens":
 * {"MODEL": {"input": x, "output": y, "cached_input": z?}}}`. Throws PriceTableError naming the bad key.
 */
export function parsePriceTable(parsed: unknown): PriceTable {
  if (!isRecord(parsed)) throw new PriceTableError('price table must be a JSON object with "version" and "per_million_tokens"');
  for (const key of Object.keys(parsed)) {
    if (key !== 'version' && key !== 'per_million_tokens') throw new PriceTableError(`unknown key "${key}" in price table; use "version" and "per_million_tokens"`);
  }
  const version = parsed['version'];
  if (typeof version !== 'string' || version.trim() === '') throw new PriceTableError('"version" must be a non-empty string');
  const models = parsed['per_million_tokens'];
  if (!isRecord(models)) throw new PriceTableError('"per_million_tokens" must be an object of model names');
  const table: Record<string, ModelPrice> = {};
  for (const [model, price] of Object.entries(models)) {
    const path = `per_million_tokens.${model}`;
    if (!isRecord(price)) throw new PriceTableError(`"${path}" must be an object like {"input": 2.5, "output": 10}`);
    for (const key of Object.keys(price)) {
      if (!(PRICE_KEYS as readonly string[]).includes(key)) throw new PriceTableError(`unknown key "${path}.${key}"; use input, output, cached_input`);
    }
    for (const key of PRICE_KEYS) {
      const value = price[key];
      if (value === undefined && key === 'cached_input') continue;
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
        throw new PriceTableError(`"${path}.${key}" must be a number of USD per 1M tokens, 0 or more (got ${JSON.stringify(value ?? null)})`);
      }
    }
    table[model] = { input: price['input'] as number, output: price['output'] as number, ...(price['cached_input'] !== undefined ? { cached_input: price['cached_input'] as number } : {}) };
  }
  if (Object.keys(table).length === 0) throw new PriceTableError('"per_million_tokens" lists no model');
  return { version, per_million_tokens: table };
}
