import { useApiResult } from '../../app/use-api-result';
import { useRoute } from '../../app/use-route';
import { useApi, useWorkspace } from '../../app/workspace';
import { Empty, ErrorNotice, Loading } from '../../components/Status';
import { ExploreLayout } from '../facets/ExploreLayout';
import { useSlice } from '../facets/use-slice';
import { deltaRows } from './deltas';
import { WindowChart } from './WindowChart';
import { WindowInputs } from './WindowInputs';
import { defaultWindows, type Window, windowsFromParams } from './windows';
import './compare.css';

/** A baseline window against an incident window for the same slice: the KPIs side by side with their deltas, and the latency and cost charts. */
export function Compare() {
  const api = useApi();
  const { workspace } = useWorkspace();
  const slice = useSlice();
  const { params, setParams } = useRoute();
  const range = workspace.state === 'ok' ? workspace.value.timeRange : null;
  const windows = range ? windowsFromParams(params, defaultWindows(range)) : undefined;
  const { since: _s, until: _u, ...rest } = slice.filter;
  const filterOf = (w: Window | undefined) => ({ ...rest, ...(w ? { since: w.since, until: w.until } : {}) });
  const baseline = useApiResult(() => api.sliceAggregates({ filter: filterOf(windows?.baseline) }), [api, slice.key, JSON.stringify(windows)]);
  const incident = useApiResult(() => api.sliceAggregates({ filter: filterOf(windows?.incident) }), [api, slice.key, JSON.stringify(windows)]);
  if (workspace.state === 'loading') return <Loading what="the workspace" />;
  if (workspace.state === 'error') return <ErrorNotice error={workspace.error} />;
  if (!windows) return <Empty>This workspace has no calls to compare.</Empty>;
  const setWindow = (prefix: 'b' | 'i', w: Window) => {
    const next = new URLSearchParams(params);
    next.set(`${prefix}.since`, w.since);
    next.set(`${prefix}.until`, w.until);
    const other = prefix === 'b' ? windows.incident : windows.baseline;
    const o = prefix === 'b' ? 'i' : 'b';
    next.set(`${o}.since`, other.since);
    next.set(`${o}.until`, other.until);
    setParams(next);
  };
  const b = baseline.state === 'ok' ? baseline.value.groups[0] : undefined;
  const i = incident.state === 'ok' ? incident.value.groups[0] : undefined;
  return (
    <ExploreLayout slice={slice}>
      <section className="compare" data-testid="compare-view">
        <h1>Compare</h1>
        <div className="compare-windows">
          <WindowInputs label="Baseline" window={windows.baseline} onChange={(w) => setWindow('b', w)} testId="compare-baseline" />
          <WindowInputs label="Incident" window={windows.incident} onChange={(w) => setWindow('i', w)} testId="compare-incident" />
        </div>
        {baseline.state === 'error' ? <ErrorNotice error={baseline.error} /> : null}
        {incident.state === 'error' ? <ErrorNotice error={incident.error} /> : null}
        {baseline.state === 'loading' || incident.state === 'loading' ? <Loading what="both windows" /> : null}
        {b && i ? (
          <table className="data-table compare-table" data-testid="compare-kpis">
            <thead>
              <tr>
                <th scope="col">KPI</th>
                <th scope="col" className="num">
                  Baseline
                </th>
                <th scope="col" className="num">
                  Incident
                </th>
                <th scope="col" className="num">
                  Change
                </th>
              </tr>
            </thead>
            <tbody>
              {deltaRows(b, i).map((r) => (
                <tr key={r.id} data-testid={`compare-${r.id}`} className={r.worse ? 'worse' : undefined}>
                  <th scope="row">{r.label}</th>
                  <td className="num" data-testid={`compare-${r.id}-baseline`}>
                    {r.baseline}
                  </td>
                  <td className="num" data-testid={`compare-${r.id}-incident`}>
                    {r.incident}
                  </td>
                  <td className="num">{r.delta}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        <div className="compare-charts">
          <WindowChart title="Baseline: latency p95 and cost" filter={filterOf(windows.baseline)} testId="chart-compare-baseline" />
          <WindowChart title="Incident: latency p95 and cost" filter={filterOf(windows.incident)} testId="chart-compare-incident" />
        </div>
      </section>
    </ExploreLayout>
  );
}
