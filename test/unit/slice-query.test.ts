import { describe, expect, it } from 'vitest';
import { UnknownColumnError, whereClause } from '../../shared/query/filter';
import { sliceQuery } from '../../shared/query/slice';
import { ParamList } from '../../shared/query/sql';

describe('slice SQL', () => {
  it('binds every filter value as a parameter, never in the SQL text', () => {
    const hostile = "acme' OR 1=1 --";
    const { sql, params } = sliceQuery({ by: ['feature'], where: { tenant_id: [hostile] }, since: '2026-11-01' });
    expect(sql).not.toContain(hostile);
    expect(params).toEqual([hostile, '2026-11-01']);
    expect(sql).toMatch(/"tenant_id" = CAST\(\$1 AS VARCHAR\)/);
    expect(sql).toMatch(/ts >= CAST\(\$2 AS TIMESTAMPTZ\)/);
  });

  it('ORs values of one column and ANDs columns', () => {
    const params = new ParamList();
    const where = whereClause({ where: { feature: ['a', 'b'], provider: ['p'] } }, params);
    expect(where).toBe('WHERE ("feature" = CAST($1 AS VARCHAR) OR "feature" = CAST($2 AS VARCHAR)) AND ("provider" = CAST($3 AS VARCHAR))');
  });

  it('matches a missing value with an empty string', () => {
    expect(whereClause({ where: { error_class: [''] } }, new ParamList())).toBe('WHERE ("error_class" IS NULL)');
  });

  it('filters guardrail decisions by membership', () => {
    const params = new ParamList();
    expect(whereClause({ where: { guardrail_action: ['block'] } }, params)).toContain('list_contains');
    expect(params.values).toEqual(['block']);
  });

  it('rejects unknown columns in --by and --where', () => {
    expect(() => sliceQuery({ by: ['nope'] })).toThrow(UnknownColumnError);
    expect(() => whereClause({ where: { 'x; DROP TABLE calls': ['1'] } }, new ParamList())).toThrow(UnknownColumnError);
  });

  it('groups by time buckets and sorts largest groups first', () => {
    const { sql } = sliceQuery({ by: ['day', 'feature'] });
    expect(sql).toContain(`date_trunc('day', ts) AS "day"`);
    expect(sql).toMatch(/ORDER BY requests DESC/);
  });
});
