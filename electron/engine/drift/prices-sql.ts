import type { PriceTable } from '../../../shared/metrics/prices';
import type { DriftParams } from './context';

/** The price table as an inline relation (model, input, output, cached_input), every value bound as a parameter. */
export function pricesRelation(table: PriceTable, p: DriftParams): string {
  const rows = Object.entries(table.per_million_tokens).map(
    ([model, price]) => `(CAST(${p.add(model)} AS VARCHAR), ${p.num(price.input)}, ${p.num(price.output)}, ${p.num(price.cached_input ?? price.input)})`,
  );
  return `(VALUES ${rows.join(', ')}) AS prices(model, input, output, cached_input)`;
}

/** Cost of a call recomputed from its price columns `input`, `output`, `cached_input` (the same formula as priceCall). */
export const COMPUTED_COST = `(
  (tokens_in - least(greatest(coalesce(cached_tokens, 0), 0), tokens_in)) * input
  + least(greatest(coalesce(cached_tokens, 0), 0), tokens_in) * cached_input
  + coalesce(tokens_out, 0) * output) / 1e6`;
