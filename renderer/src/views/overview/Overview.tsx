import { KPI_PERCENTILES } from '../../../../shared/query/slice';
import { useRoute } from '../../app/use-route';
import { useApi, useWorkspace } from '../../app/workspace';
import { ErrorNotice, Loading } from '../../components/Status';
import { useCallParam } from '../call-detail/use-call-param';
import { ExploreLayout } from '../facets/ExploreLayout';
import { useKeptResult } from '../facets/use-kept-result';
import { useSlice } from '../facets/use-slice';
import { BlockChart } from './BlockChart';
import { CostChart } from './CostChart';
import { DecodeScatter } from './DecodeScatter';
import { ErrorsChart } from './ErrorsChart';
import { Kpis } from './Kpis';
import { LatencyChart } from './LatencyChart';
import { ScoreChart } from './ScoreChart';
import { TtftChart, TTFT_SPLITS } from './TtftChart';
import { TtftHistogram } from './TtftHistogram';
import './overview.css';

/** What the panels sharing the overall series draw: latency (total, decode), cost per request, error share. */
const OVERALL_MEASURES = ['total_p95_ms', 'decode_p95_ms', 'cost_per_request_p50', 'cost_per_request_p99'] as const;

/** The KPIs and charts of the current slice. */
export function Overview() {
  const api = useApi();
  const { workspace } = useWorkspace();
  const slice = useSlice();
  const { params, setParams } = useRoute();
  const calls = useCallParam();
  const by = TTFT_SPLITS.some((s) => s.id === params.get('by')) ? params.get('by')! : 'model_resolved';
  const kpis = useKeptResult(() => api.sliceAggregates({ filter: slice.filter, percentiles: [...KPI_PERCENTILES] }), [api, slice.key]);
  const overall = useKeptResult(() => api.timeSeries({ filter: slice.filter, measures: [...OVERALL_MEASURES] }), [api, slice.key]);
  if (workspace.state === 'ok' && workspace.value.rows.calls === 0) {
    return (
      <div className="status empty" data-testid="overview-empty">
        This workspace has no calls yet. <a href="#/open">Open a dump</a> or the demo data.
      </div>
    );
  }
  const group = kpis.value?.groups[0];
  return (
    <ExploreLayout slice={slice}>
      <section className="overview">
        <h1>Overview</h1>
        {kpis.error ? <ErrorNotice error={kpis.error} /> : kpis.value ? <Kpis group={group} busy={kpis.loading} /> : <Loading what="the KPIs" />}
        <div className="chart-grid">
          <TtftChart
            slice={slice}
            by={by}
            setBy={(next) => {
              const p = new URLSearchParams(params);
              p.set('by', next);
              setParams(p);
            }}
          />
          <LatencyChart slice={slice} series={overall} />
          <TtftHistogram slice={slice} />
          <CostChart slice={slice} overall={overall} />
          <ErrorsChart slice={slice} overall={overall} />
          <BlockChart slice={slice} requests={group?.requests ?? 0} requestsLoading={kpis.loading} />
          <DecodeScatter slice={slice} openCall={calls.open} />
          <ScoreChart slice={slice} />
        </div>
      </section>
    </ExploreLayout>
  );
}
