import { CALL_COLUMNS } from '../domain/call-columns';
import type { FieldType, SourceShape } from './source-shape';
import { sqlIdent } from './sql';

export interface ColumnType {
  readonly name: string;
  readonly type: string;
}

/** Splits `a, b(c, d), e` at the commas outside parentheses and quotes. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '(') depth++;
    else if (!quoted && ch === ')') depth--;
    else if (!quoted && depth === 0 && ch === ',') {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts.filter((p) => p !== '');
}

/** The fields of a `STRUCT(name TYPE, ...)` type, or undefined for any other type. */
export function parseStructType(type: string): ColumnType[] | undefined {
  const match = /^STRUCT\((.*)\)$/is.exec(type.trim());
  if (!match) return undefined;
  return splitTopLevel(match[1]!).map((part) => {
    const quoted = /^"((?:[^"]|"")*)"\s+(.*)$/s.exec(part);
    if (quoted) return { name: quoted[1]!.replaceAll('""', '"'), type: quoted[2]!.trim() };
    const space = part.indexOf(' ');
    return { name: part.slice(0, space), type: part.slice(space + 1).trim() };
  });
}

const SCALAR = /^(VARCHAR|BOOLEAN|TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE|DECIMAL\(\d+,\s*\d+\)|DATE|TIMESTAMP.*|TIME)$/i;

function scalarField(type: string, filled = false, nonEmpty = false): FieldType {
  if (type.toUpperCase() !== 'VARCHAR') return { t: 'native', duck: type };
  if (filled) return { t: 'text', filled };
  return nonEmpty ? { t: 'text', nonEmpty } : { t: 'text' };
}

/** Lists of records the mapping reads field by field when Parquet gives them as lists of flat structs. */
const STRUCT_LISTS = new Set(['tool_calls', 'guardrail_decisions']);
const JSON_KEYS = new Set(['metadata', 'messages', 'scores', 'tool_calls', 'guardrail_decisions']);
const SCALAR_LISTS = new Set(CALL_COLUMNS.filter((c) => c.kind === 'text_list' || c.kind === 'float_list').flatMap((c) => c.aliases));

export interface ParquetShape {
  readonly shape: SourceShape;
  /** `expr AS "col"` replacements that turn nested columns into JSON. */
  readonly replace: readonly string[];
}

/**
 * How to read a Parquet file's columns: native scalars as they are, structs of
 * scalars by field, lists of scalars as lists, anything deeper as JSON. `filled`
 * names the top-level text columns the file's statistics show without a NULL or
 * an empty string, `nonEmpty` the text columns and struct fields ("parent, child")
 * without an empty string: the mapping reads both as they are (NULLs stay NULL).
 */
export function parquetShape(columns: readonly ColumnType[], filled: ReadonlySet<string> = new Set(), nonEmpty: ReadonlySet<string> = new Set()): ParquetShape {
  const shape = new Map<string, FieldType>();
  const replace: string[] = [];
  for (const { name, type } of columns) {
    const ref = sqlIdent(name);
    const struct = parseStructType(type);
    if (SCALAR.test(type) && JSON_KEYS.has(name) && type.toUpperCase() === 'VARCHAR') {
      shape.set(name, { t: 'json' });
      replace.push(`TRY_CAST(${ref} AS JSON) AS ${ref}`);
    } else if (SCALAR.test(type)) {
      shape.set(name, scalarField(type, filled.has(name), nonEmpty.has(name)));
    } else if (struct && struct.every((f) => SCALAR.test(f.type)) && (!JSON_KEYS.has(name) || name === 'metadata')) {
      // A flat metadata struct is read field by field (metadata.feature, ...) and written once as JSON.
      shape.set(name, { t: 'struct', fields: Object.fromEntries(struct.map((f) => [f.name, scalarField(f.type, false, nonEmpty.has(`${name}, ${f.name}`))])) });
    } else if (STRUCT_LISTS.has(name) && type.endsWith('[]') && parseStructType(type.slice(0, -2))?.every((f) => SCALAR.test(f.type))) {
      // Read natively: a round trip through JSON would cost more than the rest of the load.
      shape.set(name, { t: 'native', duck: type });
    } else if (type.endsWith('[]') && SCALAR.test(type.slice(0, -2)) && SCALAR_LISTS.has(name)) {
      shape.set(name, { t: 'native', duck: type });
    } else if (type.toUpperCase() === 'JSON') {
      shape.set(name, { t: 'json' });
    } else {
      shape.set(name, { t: 'json' });
      replace.push(`CAST(to_json(${ref}) AS JSON) AS ${ref}`);
    }
  }
  return { shape, replace };
}
