import type { DriftAlert } from '../../../../shared/drift/types';
import { alertNumbers } from '../../../../shared/drift/units';
import { alertKey } from '../../../../shared/review/alert-key';
import { PlainText } from '../../components/PlainText';
import { MetricChart } from './MetricChart';

/** Exemplar buttons shown per alert. */
const SHOWN = 6;

const sliceText = (alert: DriftAlert) => Object.entries(alert.slice).map(([k, v]) => `${k}=${v}`).join(' ') || 'all calls';
const windowText = (w: { from: string; to: string }) => `${w.from.slice(0, 16).replace('T', ' ')} → ${w.to.slice(0, 16).replace('T', ' ')}`;

export function AlertCard({ alert, onOpen, onReview }: { alert: DriftAlert; onOpen: (requestId: string) => void; onReview: (alertKey: string) => void }) {
  const numbers = alertNumbers(alert);
  return (
    <article className={`panel drift-alert severity-${alert.severity}`} data-testid="drift-alert" data-check={alert.check} data-severity={alert.severity}>
      <div>
        <h3>
          {alert.check} <PlainText className="muted" text={sliceText(alert)} />
          {alert.security ? ' · security' : ''}
        </h3>
        <PlainText text={alert.message} />
        <div className="drift-numbers">
          <span data-testid="drift-value">{`value ${numbers.value}`}</span>
          <span>{`baseline ${numbers.baseline}`}</span>
          <span>{`threshold ${numbers.threshold}`}</span>
          <span>{`window ${windowText(alert.window)}`}</span>
        </div>
        <p>
          <strong>Runbook: </strong>
          <PlainText text={alert.runbook} />
        </p>
        <div className="exemplars">
          {alert.exemplars.slice(0, SHOWN).map((id) => (
            <button key={id} type="button" data-testid="drift-exemplar" data-request-id={id} onClick={() => onOpen(id)}>
              <PlainText text={id} />
            </button>
          ))}
          {alert.exemplars.length > SHOWN ? <span className="muted">{`and ${alert.exemplars.length - SHOWN} more (all are in the drift review queue)`}</span> : null}
          {alert.exemplars.length === 0 ? <span className="muted">No exemplar calls.</span> : null}
        </div>
        {alert.exemplars.length > 0 ? (
          <button type="button" data-testid="drift-alert-review" onClick={() => onReview(alertKey(alert))}>
            {`Send ${alert.exemplars.length === 1 ? 'its exemplar' : `its ${alert.exemplars.length} exemplars`} to review`}
          </button>
        ) : null}
      </div>
      <MetricChart alert={alert} />
    </article>
  );
}
