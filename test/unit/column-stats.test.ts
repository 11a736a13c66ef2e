import { describe, expect, it } from 'vitest';
import { nullStats } from '../../shared/query/column-stats';

describe('nullStats', () => {
  it('reads the column validity at the end of DuckDB stats text', () => {
    expect(nullStats('[Min: a, Max: z, Has Unicode: false, Max String Length: 16][Has Null: false, Has No Null: true][Approx Unique: 2453]')).toBe('no_nulls');
    expect(nullStats('[Min: 9223372036854775807, Max: -9223372036854775808][Has Null: true, Has No Null: false]')).toBe('only_nulls');
    expect(nullStats('[Min: a, Max: z][Has Null: true, Has No Null: true][Approx Unique: 4]')).toBe('unknown');
  });

  it('takes the validity of the list, not of its items', () => {
    const list = '[ {name: [Min: a, Max: b][Has Null: true, Has No Null: true]}[Has Null: false, Has No Null: true]][Has Null: true, Has No Null: false]';
    expect(nullStats(list)).toBe('only_nulls');
  });

  it('is unknown for text of another shape', () => {
    expect(nullStats(undefined)).toBe('unknown');
    expect(nullStats('')).toBe('unknown');
    expect(nullStats('[Has Null: false, Has No Null: true] and more')).toBe('unknown');
  });
});
