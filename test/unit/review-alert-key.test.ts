import { describe, expect, it } from 'vitest';
import { alertExemplars, alertKey } from '../../shared/review/alert-key';

const alert = (check: string, severity: string, slice: Record<string, string>, exemplars: string[]) => ({ check, severity, slice, exemplars });

describe('alert keys: one drift alert named in a link to its exemplars', () => {
  it('name the check, severity and slice, whatever the order of the slice\'s columns', () => {
    expect(alertKey(alert('model_swap', 'ticket', { model_resolved: 'b', model_requested: 'a' }, []))).toBe('model_swap.ticket:model_requested=a,model_resolved=b');
    expect(alertKey(alert('model_swap', 'ticket', { model_requested: 'a', model_resolved: 'b' }, []))).toBe('model_swap.ticket:model_requested=a,model_resolved=b');
    expect(alertKey(alert('cost_anomaly', 'page', {}, []))).toBe('cost_anomaly.page:');
  });

  it('pick the exemplars of one alert, or of every alert each once in alert order', () => {
    const alerts = [
      alert('cost_anomaly', 'page', { tenant_id: 'globex' }, ['a', 'b']),
      alert('cost_anomaly', 'ticket', { tenant_id: 'globex' }, ['b', 'c']),
      alert('refusal_spike', 'ticket', { feature: 'x' }, ['d']),
    ];
    expect(alertExemplars(alerts)).toEqual(['a', 'b', 'c', 'd']);
    expect(alertExemplars(alerts, 'cost_anomaly.ticket:tenant_id=globex')).toEqual(['b', 'c']);
    expect(alertExemplars(alerts, 'refusal_spike.ticket:feature=y')).toEqual([]);
  });
});
