import { describe, expect, it } from 'vitest';
import { filterFromParams, withFilter } from '../../renderer/src/app/filter-url';
import { parseRoute, routeHash } from '../../renderer/src/app/route';

describe('view state in the URL', () => {
  it('round-trips a route with its parameters', () => {
    const params = new URLSearchParams([['w.feature', 'a&b=c'], ['w.feature', 'd'], ['sort', 'ts']]);
    const route = parseRoute(routeHash('table', params));
    expect(route.view).toBe('table');
    expect([...route.params]).toEqual([...params]);
    expect(parseRoute('')).toEqual({ view: '', params: new URLSearchParams() });
  });

  it('reads filters, ignoring columns that are not filterable', () => {
    const params = new URLSearchParams('w.feature=billing_bot&w.feature=&w.tenant_id=acme&w.input_preview=x&since=2026-11-01&view=1');
    expect(filterFromParams(params)).toEqual({ where: { feature: ['billing_bot', ''], tenant_id: ['acme'] }, since: '2026-11-01' });
  });

  it('writes a filter over the old one and keeps the rest of the view state', () => {
    const params = new URLSearchParams('w.feature=old&until=2026-11-02&sort=ts');
    const next = withFilter(params, { where: { provider: ['openai', 'anthropic'] }, since: '2026-11-01' });
    expect(next.toString()).toBe('sort=ts&w.provider=openai&w.provider=anthropic&since=2026-11-01');
    expect(filterFromParams(next)).toEqual({ where: { provider: ['openai', 'anthropic'] }, since: '2026-11-01' });
  });
});
