import { CALL_COLUMNS, knownTopLevelKeys } from '../domain/call-columns';
import { sqlIdent } from './sql';

/**
 * How a top-level field of a dump is read. Typed reads let DuckDB's JSON reader do
 * all parsing in one pass; a value that does not fit makes the fast read fail and
 * the loader falls back to the checked, lenient read of the same shape.
 */
export type FieldType =
  /**
   * `filled`: every value is present and not empty; `nonEmpty`: no value is the empty string (NULLs
   * may be). A Parquet file's statistics can guarantee either.
   */
  | { readonly t: 'text'; readonly filled?: boolean; readonly nonEmpty?: boolean }
  | { readonly t: 'number' }
  /** A number that arrives as text in some records: converted with TRY_CAST, failures reported. */
  | { readonly t: 'numtext' }
  /** A Parquet column of a native type, used as it is. */
  | { readonly t: 'native'; readonly duck: string }
  | { readonly t: 'struct'; readonly fields: Readonly<Record<string, FieldType>> }
  | { readonly t: 'json' }
  | { readonly t: 'list'; readonly of: ListItem };

export type ListItem = 'text' | 'number' | 'tool' | 'guardrail' | 'score' | 'json';

export type SourceShape = ReadonlyMap<string, FieldType>;

const LIST_ITEM_TYPES: Record<ListItem, string> = {
  text: 'VARCHAR[]',
  number: 'DOUBLE[]',
  tool: 'STRUCT(name VARCHAR, tool VARCHAR, args_hash VARCHAR, args JSON, arguments JSON, latency_ms DOUBLE)[]',
  guardrail: 'STRUCT(stage VARCHAR, action VARCHAR, dimension VARCHAR, decision VARCHAR, rail VARCHAR)[]',
  score: 'STRUCT(name VARCHAR, value VARCHAR, label VARCHAR, source VARCHAR, comment VARCHAR)[]',
  json: 'JSON[]',
};

/** The DuckDB type a field is read as. `checked` reads numbers as text so bad values can be reported. */
export function readType(field: FieldType, checked: boolean): string {
  switch (field.t) {
    case 'text':
    case 'numtext':
      return 'VARCHAR';
    case 'number':
      return checked ? 'VARCHAR' : 'DOUBLE';
    case 'native':
      return field.duck;
    case 'json':
      return 'JSON';
    case 'list':
      return LIST_ITEM_TYPES[field.of];
    case 'struct': {
      const inner = Object.entries(field.fields).map(([k, f]) => `${sqlIdent(k)} ${readType(f, checked)}`);
      return `STRUCT(${inner.join(', ')})`;
    }
  }
}

/** The `columns = {...}` argument of read_json. */
export function readJsonColumns(shape: SourceShape, checked: boolean): string {
  const entries = [...shape].map(([k, f]) => `'${k.replaceAll("'", "''")}': '${readType(f, checked).replaceAll("'", "''")}'`);
  return `{${entries.join(', ')}}`;
}

/** The type argument of json_transform for one line. */
export function jsonTransformSpec(shape: SourceShape, checked: boolean): string {
  const spec: Record<string, string> = {};
  for (const [k, f] of shape) spec[k] = readType(f, checked);
  return `'${JSON.stringify(spec).replaceAll("'", "''")}'`;
}

type Sampled = unknown;

function isObject(v: Sampled): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function scalarType(values: readonly Sampled[]): FieldType {
  const present = values.filter((v) => v !== null && v !== undefined);
  if (present.length > 0 && present.every((v) => typeof v === 'number')) return { t: 'number' };
  if (present.some((v) => typeof v === 'object')) return { t: 'json' };
  return { t: 'text' };
}

function numericType(values: readonly Sampled[]): FieldType {
  const present = values.filter((v) => v !== null && v !== undefined);
  return present.every((v) => typeof v === 'number') ? { t: 'number' } : { t: 'numtext' };
}

const LIST_COLUMNS: Record<string, ListItem> = {
  tool_calls: 'tool',
  guardrail_decisions: 'guardrail',
  scores: 'score',
};

function listItemOf(key: string): ListItem | undefined {
  if (key in LIST_COLUMNS) return LIST_COLUMNS[key];
  const column = CALL_COLUMNS.find((c) => c.aliases.includes(key));
  if (column?.kind === 'text_list') return 'text';
  if (column?.kind === 'float_list') return 'number';
  return undefined;
}

function kindOfKey(key: string): 'numeric' | 'other' {
  const column = CALL_COLUMNS.find((c) => c.aliases.includes(key));
  return column && (column.kind === 'int' || column.kind === 'float') ? 'numeric' : 'other';
}

function structOf(values: readonly Record<string, unknown>[]): FieldType {
  const subkeys = new Set<string>();
  for (const v of values) for (const k of Object.keys(v)) subkeys.add(k);
  const fields: Record<string, FieldType> = {};
  for (const k of [...subkeys].sort()) {
    const sub = scalarType(values.map((v) => v[k]));
    fields[k] = sub.t === 'number' ? { t: 'number' } : sub;
  }
  return { t: 'struct', fields };
}

function inferField(key: string, values: readonly Sampled[]): FieldType {
  const present = values.filter((v) => v !== null && v !== undefined);
  if (key === 'metadata' || key === 'messages') return { t: 'json' };
  const item = listItemOf(key);
  if (item) {
    const lists = present.every((v) => Array.isArray(v));
    const itemsFit = present.every((v) => (v as unknown[]).every((x) => (item === 'text' || item === 'number' ? !isObject(x) && !Array.isArray(x) : isObject(x))));
    return lists && itemsFit ? { t: 'list', of: item } : { t: 'json' };
  }
  if (present.length > 0 && present.every(isObject)) return structOf(present as Record<string, unknown>[]);
  if (present.some((v) => typeof v === 'object')) return { t: 'json' };
  return kindOfKey(key) === 'numeric' ? numericType(present) : scalarType(present);
}

/** The field every canonical column reads when the sample did not show its key. */
function defaultField(key: string): FieldType {
  const item = listItemOf(key);
  if (item) return { t: 'list', of: item };
  return kindOfKey(key) === 'numeric' ? { t: 'number' } : { t: 'text' };
}

/**
 * The shape to read a JSON-lines file with, inferred from sampled records: every
 * key the sample shows (canonical aliases and extra fields alike), plus the primary
 * name of every canonical column, so a field that is rare in the dump (error_class)
 * is still read.
 */
export function inferShape(records: readonly Record<string, unknown>[]): SourceShape {
  const keys = new Set<string>();
  for (const r of records) for (const k of Object.keys(r)) keys.add(k);
  const known = knownTopLevelKeys();
  const shape = new Map<string, FieldType>();
  for (const column of CALL_COLUMNS) {
    const primary = column.aliases[0]!;
    if (!keys.has(primary)) shape.set(primary, defaultField(primary));
  }
  if (!keys.has('scores')) shape.set('scores', { t: 'list', of: 'score' });
  for (const key of [...keys].sort()) {
    const values = records.map((r) => r[key]);
    shape.set(key, known.has(key) ? inferField(key, values) : { t: 'json' });
  }
  return shape;
}
