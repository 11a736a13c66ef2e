import { describe, expect, it } from 'vitest';
import { alwaysIdentified, callSelect, mayCoerce } from '../../shared/query/call-mapping';
import { parquetShape } from '../../shared/query/parquet-shape';

const COLUMNS = [
  { name: 'request_id', type: 'VARCHAR' },
  { name: 'feature', type: 'VARCHAR' },
  { name: 'ts', type: 'TIMESTAMP' },
  { name: 'tokens_in', type: 'BIGINT' },
];

describe('the mapping of a Parquet file whose statistics settle columns', () => {
  it('reads filled text columns as they are and keeps the id without deriving one', () => {
    const { shape } = parquetShape(COLUMNS, new Set(['request_id', 'feature']));
    const sql = callSelect(shape, '$2', 'read_parquet($1)');
    expect(alwaysIdentified(shape)).toBe(true);
    expect(sql).toMatch(/^SELECT "_id" AS "request_id",/);
    expect(sql).toContain('"feature" AS "feature"');
    expect(sql).not.toContain('md5(');
  });

  it('turns empty text to NULL and derives missing ids when the statistics do not settle them', () => {
    const { shape } = parquetShape(COLUMNS, new Set(['feature']));
    const sql = callSelect(shape, '$2', 'read_parquet($1)');
    expect(alwaysIdentified(shape)).toBe(false);
    expect(sql).toContain(`nullif("request_id", '') AS "_id"`);
    expect(sql).toContain('md5(');
  });

  it('reads text columns and struct fields without an empty string as they are, and the others through nullif', () => {
    const columns = [...COLUMNS, { name: 'error_class', type: 'VARCHAR' }, { name: 'metadata', type: 'STRUCT(user_locale VARCHAR)' }];
    const sql = callSelect(parquetShape(columns, new Set(['request_id']), new Set(['feature', 'metadata, user_locale'])).shape, '$2', 'read_parquet($1)');
    expect(sql).toContain('"feature" AS "feature"');
    expect(sql).toContain('"metadata"."user_locale" AS "locale"');
    expect(sql).toContain(`nullif("error_class", '') AS "error_class"`);
  });

  it('converts a plain TIMESTAMP by its epoch microseconds, keeping the cast for infinities and other time types', () => {
    const plain = callSelect(parquetShape(COLUMNS).shape, '$2', 'read_parquet($1)');
    expect(plain).toContain('CASE WHEN isfinite("ts") THEN make_timestamptz(epoch_us("ts")) ELSE CAST("ts" AS TIMESTAMPTZ) END');
    const zoned = callSelect(parquetShape([{ name: 'ts', type: 'TIMESTAMP WITH TIME ZONE' }]).shape, '$2', 'read_parquet($1)');
    expect(zoned).toContain('CAST("ts" AS TIMESTAMPTZ) AS "ts"');
  });

  it('knows when no value can fail to convert', () => {
    expect(mayCoerce(parquetShape(COLUMNS).shape, false)).toBe(false);
    expect(mayCoerce(parquetShape([...COLUMNS, { name: 'cost_usd', type: 'VARCHAR' }]).shape, false)).toBe(true);
  });
});
