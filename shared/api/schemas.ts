import './zod-config';
import { z } from 'zod';
import { CALL_COLUMNS, DIMENSIONS } from '../domain/call-columns';
import { FILTER_COLUMNS, GUARDRAIL_COLUMNS } from '../query/filter';
import { GROUP_COLUMNS } from '../query/slice';

/** Schemas shared by several methods. Every string and list is bounded; objects are strict. */

const asEnum = (values: readonly string[]) => z.enum(values as [string, ...string[]]);

export const IsoTime = z
  .string()
  .max(64)
  .refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO 8601 time');

export const FilterColumn = asEnum(FILTER_COLUMNS);
export const GroupColumn = asEnum(GROUP_COLUMNS);
export const Dimension = asEnum(DIMENSIONS);

/** Columns a calls table page can show: every canonical column but the heavy ones, plus where the row came from. */
export const TABLE_COLUMNS: readonly string[] = [...CALL_COLUMNS.filter((c) => !['messages', 'embedding'].includes(c.name)).map((c) => c.name), 'source_uri'];
/** Columns a page can be sorted by: the scalar ones. */
export const SORT_COLUMNS: readonly string[] = [
  ...CALL_COLUMNS.filter((c) => ['text', 'int', 'float', 'timestamp'].includes(c.kind) && !['input_preview', 'output_preview'].includes(c.name)).map((c) => c.name),
  'source_uri',
];
/** Columns facet counts are offered for: the slice dimensions and the guardrail decision lists. */
export const FACET_COLUMNS: readonly string[] = [...DIMENSIONS, ...GUARDRAIL_COLUMNS];

export const TableColumn = asEnum(TABLE_COLUMNS);
export const SortColumn = asEnum(SORT_COLUMNS);
export const FacetColumn = asEnum(FACET_COLUMNS);

/** A slice of the calls (shared/query/filter.ts SliceFilter). */
export const Filter = z.strictObject({
  where: z
    .custom<Record<string, unknown>>(
      (where) => where !== null && typeof where === 'object' && !Array.isArray(where) && Object.keys(where).every((column) => FILTER_COLUMNS.includes(column)),
      { message: `filter columns must be among: ${FILTER_COLUMNS.join(', ')}` },
    )
    .pipe(z.record(z.string(), z.array(z.string().max(1000)).max(500)))
    .optional(),
  since: IsoTime.optional(),
  until: IsoTime.optional(),
});

export const Empty = z.strictObject({});
