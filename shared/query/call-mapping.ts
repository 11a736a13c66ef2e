import { CALL_COLUMNS, type CallColumn, knownTopLevelKeys } from '../domain/call-columns';
import { parseStructType } from './parquet-shape';
import type { FieldType, SourceShape } from './source-shape';
import { sqlIdent, sqlString } from './sql';

export const SQL_TYPES: Record<CallColumn['kind'], string> = {
  text: 'VARCHAR',
  int: 'BIGINT',
  float: 'DOUBLE',
  timestamp: 'TIMESTAMPTZ',
  text_list: 'VARCHAR[]',
  tool_calls: 'STRUCT(name VARCHAR, args_hash VARCHAR, args VARCHAR, latency_ms DOUBLE)[]',
  guardrails: 'STRUCT(stage VARCHAR, action VARCHAR, dimension VARCHAR)[]',
  json: 'JSON',
  float_list: 'FLOAT[]',
};

/** A value of the source as SQL, with the type it arrives in. */
interface Raw {
  readonly sql: string;
  readonly field: FieldType;
}

/** The raw expression of an alias path (`latency_ms.ttft`), or undefined when the source lacks it. */
function rawExpr(shape: SourceShape, alias: string, checked: boolean): Raw | undefined {
  const [head, sub] = alias.split('.') as [string, string | undefined];
  const field = shape.get(head);
  if (!field) return undefined;
  const ref = sqlIdent(head);
  const asRead = (f: FieldType): FieldType => (checked && f.t === 'number' ? { t: 'numtext' } : f);
  if (sub === undefined) {
    if (field.t === 'json') return { sql: `(${ref}->>'$')`, field: { t: 'text' } };
    return field.t === 'struct' ? undefined : { sql: ref, field: asRead(field) };
  }
  if (field.t === 'struct') {
    const inner = field.fields[sub];
    if (!inner || inner.t === 'struct') return undefined;
    if (inner.t === 'json') return { sql: `(${ref}.${sqlIdent(sub)}->>'$')`, field: { t: 'text' } };
    return { sql: `${ref}.${sqlIdent(sub)}`, field: asRead(inner) };
  }
  if (field.t === 'json') return { sql: `(${ref}->>${sqlString('$.' + sub)})`, field: { t: 'text' } };
  return undefined;
}

const INT_TYPES = ['BIGINT', 'INTEGER', 'SMALLINT', 'TINYINT', 'UBIGINT', 'UINTEGER', 'USMALLINT', 'UTINYINT', 'HUGEINT'];
const NUMBER_TYPES = ['DOUBLE', 'FLOAT', ...INT_TYPES];
const TIME_TYPES = ['TIMESTAMP WITH TIME ZONE', 'TIMESTAMP', 'TIMESTAMP_MS', 'TIMESTAMP_NS', 'TIMESTAMP_S', 'DATE'];

function isNumeric(field: FieldType): boolean {
  return field.t === 'number' || (field.t === 'native' && NUMBER_TYPES.includes(field.duck.toUpperCase()));
}

/** Converts a raw value to the column's type. Lenient: a value that does not convert becomes NULL. */
function convert(column: CallColumn, raw: Raw): string {
  const { sql, field } = raw;
  switch (column.kind) {
    case 'int':
      return isNumeric(field) ? `CAST(round(${sql}) AS BIGINT)` : `TRY_CAST(round(TRY_CAST(${sql} AS DOUBLE)) AS BIGINT)`;
    case 'float':
      return isNumeric(field) ? `CAST(${sql} AS DOUBLE)` : `TRY_CAST(${sql} AS DOUBLE)`;
    case 'timestamp':
      if (field.t !== 'native' || !TIME_TYPES.includes(field.duck.toUpperCase())) return `tl_ts(CAST(${sql} AS VARCHAR))`;
      // In the engine's UTC session a plain TIMESTAMP casts to the same instant; the cast goes
      // through ICU's calendar arithmetic, the epoch microseconds do not (infinities keep the cast).
      return field.duck.toUpperCase() === 'TIMESTAMP' ? `CASE WHEN isfinite(${sql}) THEN make_timestamptz(epoch_us(${sql})) ELSE CAST(${sql} AS TIMESTAMPTZ) END` : `CAST(${sql} AS TIMESTAMPTZ)`;
    default:
      // Without an empty string, nullif(x, '') would change nothing.
      if (field.t === 'text' && (field.filled || field.nonEmpty)) return sql;
      return field.t === 'text' || field.t === 'numtext' ? `nullif(${sql}, '')` : `CAST(${sql} AS VARCHAR)`;
  }
}

function isFilled(raw: Raw): boolean {
  return raw.field.t === 'text' && raw.field.filled === true;
}

/** Does every row of the source carry its own request id? Then no row can lack a recognized field either. */
export function alwaysIdentified(shape: SourceShape): boolean {
  const first = CALL_COLUMNS[0]!.aliases.map((alias) => rawExpr(shape, alias, false)).find((r) => r !== undefined);
  return first !== undefined && isFilled(first);
}

function isStructured(column: CallColumn): boolean {
  return ['text_list', 'tool_calls', 'guardrails', 'json', 'float_list'].includes(column.kind);
}

function scalarValue(column: CallColumn, shape: SourceShape, checked: boolean): string | undefined {
  const raws = column.aliases.map((alias) => rawExpr(shape, alias, checked)).filter((r): r is Raw => r !== undefined);
  const parts = raws.map((r) => convert(column, r));
  // A first alias always filled settles the column: the others would never be read.
  if (parts.length <= 1 || isFilled(raws[0]!)) return parts[0];
  const last = raws[raws.length - 1]!;
  if (column.kind === 'text' && (last.field.t === 'text' || last.field.t === 'numtext')) {
    // nullif(x, '') names x twice, and DuckDB then computes x for every row ahead of the lazy coalesce:
    // the last alias (a lookup in the metadata JSON) stays bare inside it, its '' turned to NULL outside.
    return `nullif(coalesce(${[...parts.slice(0, -1), last.sql].join(', ')}), '')`;
  }
  return `coalesce(${parts.join(', ')})`;
}

const TOOL = `lambda t: {'name': coalesce(t.name, t.tool), 'args_hash': t.args_hash, 'args': CAST(coalesce(t.args, t.arguments) AS VARCHAR), 'latency_ms': t.latency_ms}`;
const GUARDRAIL = `lambda g: {'stage': coalesce(g.stage, g.rail), 'action': coalesce(g.action, g.decision), 'dimension': g.dimension}`;

/** Field names of a native list of flat structs (a Parquet column), or undefined for any other field. */
function nativeStructFields(field: FieldType): Set<string> | undefined {
  if (field.t !== 'native' || !field.duck.endsWith('[]')) return undefined;
  const fields = parseStructType(field.duck.slice(0, -2));
  return fields ? new Set(fields.map((f) => f.name)) : undefined;
}

/** The first of `names` the struct has, as `item.name` (cast to `type`), or a typed NULL. */
function structPick(item: string, fields: ReadonlySet<string>, names: readonly string[], type: string): string {
  const present = names.filter((n) => fields.has(n)).map((n) => `CAST(${item}.${sqlIdent(n)} AS ${type})`);
  if (present.length === 0) return `CAST(NULL AS ${type})`;
  return present.length === 1 ? present[0]! : `coalesce(${present.join(', ')})`;
}

/** TOOL for a native struct list: the same values as reading it through JSON (args as JSON text). */
function nativeTool(fields: ReadonlySet<string>): string {
  const args = ['args', 'arguments'].filter((n) => fields.has(n)).map((n) => `CAST(to_json(t.${sqlIdent(n)}) AS VARCHAR)`);
  return `lambda t: {'name': ${structPick('t', fields, ['name', 'tool'], 'VARCHAR')}, 'args_hash': ${structPick('t', fields, ['args_hash'], 'VARCHAR')},
    'args': ${args.length === 0 ? 'CAST(NULL AS VARCHAR)' : args.length === 1 ? args[0] : `coalesce(${args.join(', ')})`}, 'latency_ms': ${structPick('t', fields, ['latency_ms'], 'DOUBLE')}}`;
}

function nativeGuardrail(fields: ReadonlySet<string>): string {
  return `lambda g: {'stage': ${structPick('g', fields, ['stage', 'rail'], 'VARCHAR')}, 'action': ${structPick('g', fields, ['action', 'decision'], 'VARCHAR')},
    'dimension': ${structPick('g', fields, ['dimension'], 'VARCHAR')}}`;
}

/**
 * Fields a native struct list can be cast from directly, by name: the column's own
 * fields, except `args`, which is kept as JSON text (quoted), as read from JSON lines.
 */
const CASTABLE_FIELDS: Partial<Record<CallColumn['kind'], ReadonlySet<string>>> = {
  tool_calls: new Set(['name', 'args_hash', 'latency_ms']),
  guardrails: new Set(['stage', 'action', 'dimension']),
};

/** The value of a list/JSON column from its first alias present. */
function structuredValue(column: CallColumn, shape: SourceShape): string | undefined {
  const parts: string[] = [];
  for (const alias of column.aliases) {
    const field = shape.get(alias);
    if (!field) continue;
    const ref = sqlIdent(alias);
    const typedList = field.t === 'list' || (field.t === 'native' && field.duck.endsWith('[]'));
    switch (column.kind) {
      case 'text_list':
        parts.push(typedList ? `CAST(${ref} AS VARCHAR[])` : `tl_text_list(CAST(${ref} AS JSON))`);
        break;
      case 'float_list':
        parts.push(typedList ? `CAST(${ref} AS FLOAT[])` : `TRY_CAST(json_transform(CAST(${ref} AS JSON), '["DOUBLE"]') AS FLOAT[])`);
        break;
      case 'tool_calls':
      case 'guardrails': {
        const native = nativeStructFields(field);
        if (native && [...native].every((f) => CASTABLE_FIELDS[column.kind]!.has(f))) {
          // The column's own field names: DuckDB casts the struct by name, a lambda per item costs more.
          parts.push(`CAST(${ref} AS ${SQL_TYPES[column.kind]})`);
          break;
        }
        const lambda = column.kind === 'tool_calls' ? (native ? nativeTool(native) : TOOL) : native ? nativeGuardrail(native) : GUARDRAIL;
        const viaJson = column.kind === 'tool_calls' ? 'tl_tool_calls' : 'tl_guardrails';
        parts.push(field.t === 'list' || native ? `list_transform(${ref}, ${lambda})` : `${viaJson}(CAST(${ref} AS JSON))`);
        break;
      }
      default:
        parts.push(field.t === 'json' ? ref : `CAST(to_json(${ref}) AS JSON)`);
    }
  }
  if (parts.length === 0) return undefined;
  return parts.length === 1 ? parts[0] : `coalesce(${parts.join(', ')})`;
}

function columnValue(column: CallColumn, shape: SourceShape, checked: boolean): string {
  const value = isStructured(column) ? structuredValue(column, shape) : scalarValue(column, shape, checked);
  return value ?? `CAST(NULL AS ${SQL_TYPES[column.kind]})`;
}

/** Extra keys of the source that are not canonical: they are kept in `metadata`. */
export function extraKeys(shape: SourceShape): string[] {
  const known = knownTopLevelKeys();
  return [...shape.keys()].filter((k) => !known.has(k)).sort();
}

/** The metadata object. A JSON text that starts with `{` is one: the prefix spares parsing each row's metadata (json_type is left for text with leading spaces). */
function metadataValue(shape: SourceShape): string {
  const field = shape.get('metadata');
  const base = !field ? 'NULL' : field.t === 'json' ? `CASE WHEN starts_with(CAST("metadata" AS VARCHAR), '{') OR json_type("metadata") = 'OBJECT' THEN "metadata" END` : `CAST(to_json("metadata") AS JSON)`;
  const extras = extraKeys(shape);
  if (extras.length === 0) return `CAST(${base} AS JSON)`;
  const pairs = extras.map((k) => `${sqlString(k)}, ${sqlIdent(k)}`).join(', ');
  return `nullif(json_merge_patch(coalesce(${base}, '{}'), json_object(${pairs})), '{}')`;
}

/** Can a value of the source fail to convert? Only then are the coercion warnings worth a scan. */
export function mayCoerce(shape: SourceShape, checked: boolean): boolean {
  return coercionChecks(shape, checked).length > 0;
}

interface CoercionCheck {
  /** True when the alias holds a value that did not convert. */
  readonly failed: string;
  readonly column: string;
}

function coercionChecks(shape: SourceShape, checked: boolean): CoercionCheck[] {
  const checks: CoercionCheck[] = [];
  for (const column of CALL_COLUMNS) {
    if (!['int', 'float', 'timestamp'].includes(column.kind)) continue;
    for (const alias of column.aliases) {
      const raw = rawExpr(shape, alias, checked);
      if (!raw || raw.field.t === 'number' || raw.field.t === 'native') continue;
      if (shape.get(alias.split('.')[0]!)?.t === 'json' && !alias.includes('.')) continue;
      checks.push({ failed: `${raw.sql} IS NOT NULL AND ${convert(column, raw)} IS NULL`, column: column.name });
    }
  }
  return checks;
}

/** Names of the numeric/time columns whose value was present but could not be converted. */
function coercionFailures(shape: SourceShape, checked: boolean): string {
  const checks = coercionChecks(shape, checked);
  // Plain CASEs: a lambda over a list of candidates is evaluated row by row, on every row of the load.
  if (checks.length === 0) return 'CAST(NULL AS VARCHAR[])';
  const named = checks.map((c) => `CASE WHEN ${c.failed} THEN [${sqlString(c.column)}]`);
  if (checks.length === 1) return `${named[0]} END`;
  // The list is built only for the rows with a failure: concatenating a list per check on every row cost more than the checks.
  const lists = named.map((c) => `${c} ELSE CAST([] AS VARCHAR[]) END`);
  return `CASE WHEN ${checks.map((c) => `(${c.failed})`).join(' OR ')} THEN ${lists.reduce((all, next) => `list_concat(${all}, ${next})`)} END`;
}

/**
 * The SELECT mapping the rows of `from` onto the calls table, in table order.
 * `sourceParam` is the placeholder of the source URI. A record with no recognized
 * field gets a NULL request_id so the loader can remove and report it; one with
 * fields but no id gets an id derived from its content.
 *
 * The id is derived in an outer query from the mapped columns: written inline, each
 * column's expression would appear twice, and DuckDB would then compute the shared
 * parts for every row up front, defeating the lazy `coalesce` that reads an alias
 * (metadata.feature, ...) only when the primary field is missing.
 */
export function callSelect(shape: SourceShape, sourceParam: string, from: string, checked = false): string {
  const values = new Map<string, string>();
  for (const column of CALL_COLUMNS) values.set(column.name, columnValue(column, shape, checked));
  const endTime = scalarValue({ name: 'end', kind: 'timestamp', aliases: ['end_time', 'endTime'], description: '' }, shape, checked);
  if (endTime) values.set('total_ms', `coalesce(${values.get('total_ms')}, epoch_ms(${endTime}) - epoch_ms(${values.get('ts')}))`);
  values.set('decode_ms', `coalesce(${values.get('decode_ms')}, ${values.get('total_ms')} - ${values.get('ttft_ms')})`);

  const present = CALL_COLUMNS.filter((c) => c.name !== 'request_id' && !values.get(c.name)!.startsWith('CAST(NULL')).map((c) => `CAST(${sqlIdent(c.name)} AS VARCHAR)`);
  const recognized = present.length ? `coalesce(${present.join(', ')}) IS NOT NULL` : 'false';
  const requestId = alwaysIdentified(shape) ? '"_id"' : `CASE WHEN "_id" IS NOT NULL THEN "_id" WHEN ${recognized} THEN 'auto-' || substr(md5(concat_ws('|', ${present.join(', ') || "''"})), 1, 16) END`;

  const inner = CALL_COLUMNS.map((c) => `${values.get(c.name)} AS ${c.name === 'request_id' ? '"_id"' : sqlIdent(c.name)}`);
  inner.push(`${coercionFailures(shape, checked)} AS "_coerce"`);
  inner.push(`${metadataValue(shape)} AS "metadata"`);
  inner.push(`${sourceParam} AS "source_uri"`);
  inner.push(`${scoresValue(shape)} AS "_scores"`);
  const outer = CALL_COLUMNS.map((c) => (c.name === 'request_id' ? `${requestId} AS "request_id"` : sqlIdent(c.name)));
  outer.push('"_coerce"', '"metadata"', '"source_uri"', '"_scores"');
  return `SELECT ${outer.join(',\n  ')}\nFROM (SELECT ${inner.join(',\n  ')}\n  FROM ${from})`;
}

function scoresValue(shape: SourceShape): string {
  const field = shape.get('scores');
  if (!field) return 'CAST(NULL AS JSON)';
  return field.t === 'json' ? '"scores"' : 'CAST(to_json("scores") AS JSON)';
}
