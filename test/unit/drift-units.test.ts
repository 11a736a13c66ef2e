import { describe, expect, it } from 'vitest';
import { alertNumbers } from '../../shared/drift/units';
import { renderReport } from '../../electron/cli/commands/drift';
import type { DriftAlert } from '../../shared/drift/types';

const alert = (check: DriftAlert['check'], value: number, baseline: number | null, threshold: number): DriftAlert => ({
  check,
  severity: 'ticket',
  slice: {},
  window: { from: '2026-11-04T00:00:00Z', to: '2026-11-04T01:00:00Z' },
  baseline_window: null,
  value,
  baseline,
  threshold,
  message: '',
  runbook: '',
  security: false,
  exemplars: [],
  series: [],
});

describe('drift alert numbers in their check\'s unit', () => {
  it('shows money, rates, burn rates, scores and counts as such', () => {
    expect(alertNumbers(alert('cost_anomaly', 0.1775, 0.0131, 0.0524))).toEqual({ value: '$0.178', baseline: '$0.0131', threshold: '$0.0524' });
    expect(alertNumbers(alert('error_rate_spike', 0.5, 0.1249, 0.05))).toEqual({ value: '50%', baseline: '12.5%', threshold: '5%' });
    expect(alertNumbers(alert('cost_mismatch', 301.7, 250, 0.05))).toEqual({ value: '$301.70', baseline: '$250.00', threshold: '5%' });
    expect(alertNumbers(alert('ttft_slo_burn', 16.25, null, 14.4))).toEqual({ value: '16.3x', baseline: '—', threshold: '14.4x' });
    expect(alertNumbers(alert('answer_drift', 0.8712, 1, 0.9))).toEqual({ value: '0.871', baseline: '1', threshold: '0.9' });
    expect(alertNumbers(alert('tool_loop', 12, null, 3))).toEqual({ value: '12', baseline: '—', threshold: '3' });
  });

  it('is what the CLI report prints', () => {
    const report = renderReport({ as_of: '2026-11-04T01:00:00Z', alerts: [alert('cost_anomaly', 0.1775, 0.0131, 0.0524)], checks: [] });
    expect(report).toContain('value $0.178, baseline $0.0131, threshold $0.0524;');
  });
});
