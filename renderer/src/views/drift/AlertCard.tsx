import type { DriftAlert } from '../../../../shared/drift/types';
import { PlainText } from '../../components/PlainText';
import { MetricChart } from './MetricChart';

/** Exemplar buttons shown per alert. */
const SHOWN = 6;

function number(value: number | null): string {
  if (value === null) return '—';
  return Math.abs(value) >= 100 || Number.isInteger(value) ? value.toLocaleString('en-US', { maximumFractionDigits: 1 }) : value.toPrecision(3);
}

const sliceText = (alert: DriftAlert) => Object.entries(alert.slice).map(([k, v]) => `${k}=${v}`).join(' ') || 'all calls';
const windowText = (w: { from: string; to: string }) => `${w.from.slice(0, 16).replace('T', ' ')} → ${w.to.slice(0, 16).replace('T', ' ')}`;

export function AlertCard({ alert, onOpen }: { alert: DriftAlert; onOpen: (requestId: string) => void }) {
  return (
    <article className={`panel drift-alert severity-${alert.severity}`} data-testid="drift-alert" data-check={alert.check} data-severity={alert.severity}>
      <div>
        <h3>
          {alert.check} <PlainText className="muted" text={sliceText(alert)} />
          {alert.security ? ' · security' : ''}
        </h3>
        <PlainText text={alert.message} />
        <div className="drift-numbers">
          <span>{`value ${number(alert.value)}`}</span>
          <span>{`baseline ${number(alert.baseline)}`}</span>
          <span>{`threshold ${number(alert.threshold)}`}</span>
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
      </div>
      <MetricChart alert={alert} />
    </article>
  );
}
