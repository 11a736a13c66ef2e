import {
  type DuckDBResultReader,
  type DuckDBType,
  DuckDBTypeId,
  type DuckDBValue,
  DuckDBDateValue,
  DuckDBDecimalValue,
  DuckDBTimestampMillisecondsValue,
  DuckDBTimestampNanosecondsValue,
  DuckDBTimestampSecondsValue,
  DuckDBTimestampTZValue,
  DuckDBTimestampValue,
} from '@duckdb/node-api';
import { Bool, type DataType, DateDay, Float64, Int32, Int64, Table, TimestampMicrosecond, Utf8, type Vector, tableToIPC, vectorFromArray } from 'apache-arrow';

/**
 * DuckDB results as Arrow IPC stream bytes (the node-api does not produce Arrow itself).
 * BIGINT stays Int64 (JavaScript bigint on the other side), timestamps are microsecond
 * Timestamps (UTC for TIMESTAMPTZ), lists, structs and maps become JSON text.
 */
const INT32 = new Set([DuckDBTypeId.TINYINT, DuckDBTypeId.SMALLINT, DuckDBTypeId.INTEGER, DuckDBTypeId.UTINYINT, DuckDBTypeId.USMALLINT]);
const INT64 = new Set([DuckDBTypeId.BIGINT, DuckDBTypeId.UINTEGER, DuckDBTypeId.UBIGINT, DuckDBTypeId.HUGEINT, DuckDBTypeId.UHUGEINT]);
const FLOAT = new Set([DuckDBTypeId.FLOAT, DuckDBTypeId.DOUBLE, DuckDBTypeId.DECIMAL]);
const TIMESTAMP = new Set([DuckDBTypeId.TIMESTAMP, DuckDBTypeId.TIMESTAMP_TZ, DuckDBTypeId.TIMESTAMP_MS, DuckDBTypeId.TIMESTAMP_NS, DuckDBTypeId.TIMESTAMP_S]);
const NESTED = new Set([DuckDBTypeId.LIST, DuckDBTypeId.STRUCT, DuckDBTypeId.MAP, DuckDBTypeId.ARRAY, DuckDBTypeId.UNION]);

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Milliseconds since the epoch, with the microseconds as the fraction (what apache-arrow's Timestamp setters take). */
function timestampMs(value: DuckDBValue): number | null {
  if (value instanceof DuckDBTimestampTZValue || value instanceof DuckDBTimestampValue) return Number(value.micros) / 1000;
  if (value instanceof DuckDBTimestampMillisecondsValue) return Number(value.millis);
  if (value instanceof DuckDBTimestampNanosecondsValue) return Number(value.nanos / 1000n) / 1000;
  if (value instanceof DuckDBTimestampSecondsValue) return Number(value.seconds) * 1000;
  return null;
}

function toBigInt(value: DuckDBValue): bigint | null {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') return BigInt(value);
  return null;
}

/** bigints as numbers when exact, else as text: JSON has no 64-bit integers. */
function jsonSafe(_key: string, value: unknown): unknown {
  if (typeof value !== 'bigint') return value;
  return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(value) : value.toString();
}

function jsonText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return JSON.stringify(value, jsonSafe);
}

/** One column as an Arrow vector. `js` holds the column's values as JavaScript values, for nested types. */
export function columnToVector(type: DuckDBType, values: readonly DuckDBValue[], js?: readonly unknown[]): Vector {
  const id = type.typeId;
  const make = <T extends DataType>(data: unknown[], arrowType: T) => vectorFromArray(data, arrowType) as Vector;
  if (id === DuckDBTypeId.BOOLEAN) return make(values.map((v) => (v === null ? null : Boolean(v))), new Bool());
  if (INT32.has(id)) return make(values.map((v) => (v === null ? null : Number(v))), new Int32());
  if (INT64.has(id)) {
    const ints = values.map(toBigInt);
    if (ints.every((v) => v === null || (v >= INT64_MIN && v <= INT64_MAX))) return make(ints, new Int64());
    return make(ints.map((v) => (v === null ? null : v.toString())), new Utf8());
  }
  if (FLOAT.has(id)) return make(values.map((v) => (v === null ? null : v instanceof DuckDBDecimalValue ? v.toDouble() : Number(v))), new Float64());
  if (TIMESTAMP.has(id)) return make(values.map(timestampMs), new TimestampMicrosecond(id === DuckDBTypeId.TIMESTAMP_TZ ? 'UTC' : null));
  if (id === DuckDBTypeId.DATE) return make(values.map((v) => (v instanceof DuckDBDateValue ? new Date(v.days * 86_400_000) : null)), new DateDay());
  if (NESTED.has(id)) return make((js ?? values).map(jsonText), new Utf8());
  return make(values.map((v) => (v === null ? null : String(v))), new Utf8());
}

export function resultToTable(result: DuckDBResultReader): Table {
  const names = result.deduplicatedColumnNames();
  const types = result.columnTypes();
  const columns = result.getColumns();
  const json = types.some((t) => NESTED.has(t.typeId)) ? result.getColumnsJS() : undefined;
  const vectors: Record<string, Vector> = {};
  names.forEach((name, i) => {
    vectors[name] = columnToVector(types[i]!, columns[i] ?? [], json?.[i]);
  });
  return names.length ? new Table(vectors) : new Table();
}

/** The result as Arrow IPC stream bytes, for `tableFromIPC` on the other side. */
export function resultToArrow(result: DuckDBResultReader): Uint8Array {
  return tableToIPC(resultToTable(result), 'stream');
}
