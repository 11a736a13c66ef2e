import { useEffect, useState } from 'react';
import type { AppError } from '../../../../shared/api/result';
import { SEVERITIES, type DriftReport } from '../../../../shared/drift/types';
import { useRoute } from '../../app/use-route';
import { useApi, useWorkspace } from '../../app/workspace';
import { PlainText } from '../../components/PlainText';
import { Empty, ErrorNotice } from '../../components/Status';
import { CallDetail } from '../call-detail/CallDetail';
import { useCallParam } from '../call-detail/use-call-param';
import { AlertCard } from './AlertCard';
import '../review/review.css';
import './drift.css';

/** The last report per workspace, so leaving the view and coming back does not rerun the checks. */
let lastRun: { key: string; report: DriftReport } | undefined;

function Checks({ report }: { report: DriftReport }) {
  return (
    <details className="panel">
      <summary>{`${report.checks.length} checks as of ${report.as_of}`}</summary>
      <table className="plain">
        <tbody>
          {report.checks.map((c) => (
            <tr key={c.check} data-testid="drift-check" data-status={c.status}>
              <td>{c.check}</td>
              <td>{c.status}</td>
              <td>
                <PlainText text={c.reason} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

/** Runs the drift checks on the open workspace; alerts by severity, each with its chart and exemplars. */
export function Drift() {
  const api = useApi();
  const { workspace } = useWorkspace();
  const { navigate, params } = useRoute();
  const call = useCallParam();
  const open = params.get('call');
  const key = workspace.state === 'ok' ? `${workspace.value.title}|${workspace.value.rows.calls}` : '';
  const [report, setReport] = useState<DriftReport | null>(lastRun?.key === key ? lastRun.report : null);
  const [running, setRunning] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type === 'driftProgress') setRunning({ done: event.payload.done, total: event.payload.total });
      }),
    [api],
  );

  const run = async () => {
    setRunning({ done: 0, total: 10 });
    setError(null);
    const result = await api.runDrift({});
    setRunning(null);
    if (!result.ok) return setError(result.error);
    lastRun = { key, report: result.value };
    setReport(result.value);
  };

  return (
    <section className="drift">
      <h1>Drift</h1>
      <div className="toolbar">
        <button type="button" data-testid="drift-run" onClick={() => void run()} disabled={running !== null}>
          {report ? 'Run the checks again' : 'Run the drift checks'}
        </button>
        {running ? (
          <span role="status">
            <progress max={running.total} value={running.done} /> {`${running.done} of ${running.total} checks`}
          </span>
        ) : null}
        {report && report.alerts.length > 0 ? (
          <button type="button" data-testid="drift-to-review" onClick={() => navigate('review', new URLSearchParams({ queue: 'drift' }))}>
            Send all exemplars to the review queue
          </button>
        ) : null}
        <span className="muted">Rules file and price table: Settings.</span>
      </div>
      {error ? <ErrorNotice error={error} /> : null}
      {!report && !running && !error ? <Empty>Run the checks to see alerts for this workspace.</Empty> : null}
      {report ? (
        <div data-testid="drift-alerts" data-count={report.alerts.length}>
          {report.alerts.length === 0 ? <Empty>No alerts: every check passed or was skipped.</Empty> : null}
          {SEVERITIES.map((severity) => {
            const alerts = report.alerts.filter((a) => a.severity === severity);
            if (alerts.length === 0) return null;
            return (
              <section key={severity} className="drift-severity">
                <h2>{`${severity} (${alerts.length})`}</h2>
                {alerts.map((alert, i) => (
                  <AlertCard key={`${alert.check}-${i}`} alert={alert} onOpen={call.open} />
                ))}
              </section>
            );
          })}
          <Checks report={report} />
        </div>
      ) : null}
      {open ? (
        <>
          <p className="toolbar">
            <button type="button" data-testid="drift-review-call" onClick={() => navigate('review', new URLSearchParams({ queue: 'drift', id: open }))}>
              Review the open call
            </button>
          </p>
          <CallDetail requestId={open} />
        </>
      ) : null}
    </section>
  );
}
