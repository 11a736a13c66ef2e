import { DuckDBInstance } from '@duckdb/node-api';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultToArrow } from '../../electron/engine/arrow';
import { decodeArrow, tableRows } from '../../renderer/src/api/arrow';

describe('DuckDB results as Arrow IPC', () => {
  let instance: DuckDBInstance;
  const query = async (sql: string) => tableFromIPC(resultToArrow(await (await instance.connect()).runAndReadAll(sql)));

  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:');
  });
  afterAll(() => instance.closeSync());

  it('keeps BIGINT exact as Int64, beyond 2^53 included', async () => {
    const table = await query(`SELECT * FROM (VALUES (9007199254740993::BIGINT), (NULL), (-9223372036854775807::BIGINT)) t(n)`);
    expect(String(table.schema.fields[0]!.type)).toBe('Int64');
    expect([...table.getChild('n')!]).toEqual([9007199254740993n, null, -9223372036854775807n]);
  });

  it('turns HUGEINT values outside Int64 into their decimal text', async () => {
    const table = await query(`SELECT 170141183460469231731687303715884105727::HUGEINT AS h, 5::HUGEINT AS small`);
    expect(table.getChild('h')!.get(0)).toBe('170141183460469231731687303715884105727');
    expect(table.getChild('small')!.get(0)).toBe(5n);
  });

  it('keeps timestamps to the microsecond, TIMESTAMPTZ in UTC', async () => {
    const table = await query(`SELECT TIMESTAMPTZ '2026-11-04 11:59:59.123456+00' AS tz, TIMESTAMP '1969-12-31 23:59:59' AS naive, NULL::TIMESTAMPTZ AS missing`);
    const types = table.schema.fields.map((f) => String(f.type));
    expect(types).toEqual(['Timestamp<MICROSECOND, UTC>', 'Timestamp<MICROSECOND>', 'Timestamp<MICROSECOND, UTC>']);
    expect(table.getChild('tz')!.get(0)).toBe(Date.parse('2026-11-04T11:59:59.123Z') + 0.456);
    expect(table.getChild('naive')!.get(0)).toBe(-1000);
    expect(table.getChild('missing')!.get(0)).toBeNull();
  });

  it('converts text, doubles, decimals, booleans, small integers and dates', async () => {
    const table = await query(`SELECT 'a ''quoted'' <b>' AS s, 1.25::DOUBLE AS d, 3.5::DECIMAL(6,2) AS dec, true AS b, 7::INTEGER AS i, DATE '2026-11-04' AS day`);
    expect(table.schema.fields.map((f) => String(f.type))).toEqual(['Utf8', 'Float64', 'Float64', 'Bool', 'Int32', 'Date32<DAY>']);
    expect(table.get(0)!.toJSON()).toMatchObject({ s: "a 'quoted' <b>", d: 1.25, dec: 3.5, b: true, i: 7 });
  });

  it('sends lists, structs and maps as JSON text', async () => {
    const table = await query(`SELECT [{'name': 'search', 'latency_ms': 12.5::DOUBLE, 'at': TIMESTAMPTZ '2026-11-04 10:00:00+00', 'n': 9007199254740993::BIGINT}] AS tools, ['a', 'b'] AS ids, MAP {'k': 1} AS m, NULL::VARCHAR[] AS none`);
    expect(table.schema.fields.map((f) => String(f.type))).toEqual(['Utf8', 'Utf8', 'Utf8', 'Utf8']);
    expect(JSON.parse(table.getChild('tools')!.get(0) as string)).toEqual([{ name: 'search', latency_ms: 12.5, at: '2026-11-04T10:00:00.000Z', n: '9007199254740993' }]);
    expect(JSON.parse(table.getChild('ids')!.get(0) as string)).toEqual(['a', 'b']);
    expect(table.getChild('none')!.get(0)).toBeNull();
  });

  it('keeps the schema of an empty result', async () => {
    const table = await query(`SELECT 1::BIGINT AS n, 'x' AS s WHERE false`);
    expect(table.numRows).toBe(0);
    expect(table.schema.fields.map((f) => [f.name, String(f.type)])).toEqual([['n', 'Int64'], ['s', 'Utf8']]);
  });

  it('decodes in the renderer into plain rows: exact Int64 as numbers, timestamps as epoch milliseconds', async () => {
    const result = await (await instance.connect()).runAndReadAll(
      `SELECT 42::BIGINT AS n, 9007199254740993::BIGINT AS big, TIMESTAMPTZ '2026-11-04 10:00:00+00' AS ts, 'x' AS s, NULL::DOUBLE AS d`,
    );
    expect(tableRows(decodeArrow(resultToArrow(result)))).toEqual([{ n: 42, big: '9007199254740993', ts: Date.parse('2026-11-04T10:00:00Z'), s: 'x', d: null }]);
  });
});
