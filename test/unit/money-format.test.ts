import { describe, expect, it } from 'vitest';
import { formatUsd as formatCell } from '../../renderer/src/charts/format';
import { deltaRows } from '../../renderer/src/views/compare/deltas';
import { formatUsd } from '../../shared/text/money';

describe('money as shown', () => {
  it('keeps three significant digits under a dollar and dollars and cents from a dollar up', () => {
    const shown = [0.0003121, 0.0131, 0.11, 0.5, 0.9996, 1.5, 301.7, 12_345, 0].map(formatUsd);
    expect(shown).toEqual(['$0.000312', '$0.0131', '$0.11', '$0.50', '$1.00', '$1.50', '$301.70', '$12,345.00', '$0.00']);
    expect(formatUsd(-0.0131)).toBe('-$0.0131');
  });

  it('is the format of KPIs, Pivot and tables, a dash for no value', () => {
    expect([0.0131, null, undefined, Number.NaN].map(formatCell)).toEqual(['$0.0131', '—', '—', '—']);
  });

  it('shows Compare\'s cost per request p99 as $0.0112 → $0.111, not $0.01 → $0.11', () => {
    const [row] = deltaRows({ cost_per_request_p99: 0.0112 } as never, { cost_per_request_p99: 0.1108 } as never).filter((r) => r.id === 'cost_per_request_p99');
    expect([row!.baseline, row!.incident, row!.delta]).toEqual(['$0.0112', '$0.111', '+889.3%']);
  });
});
