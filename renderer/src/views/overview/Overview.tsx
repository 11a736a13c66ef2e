import { ErrorNotice, Loading } from '../../components/Status';
import { filterFromParams } from '../../app/filter-url';
import { useApiResult } from '../../app/use-api-result';
import { useRoute } from '../../app/use-route';
import { useApi } from '../../app/workspace';

/** The KPIs of the current slice. */
export function Overview() {
  const api = useApi();
  const { params } = useRoute();
  const filterKey = params.toString();
  const slice = useApiResult(() => api.sliceAggregates({ filter: filterFromParams(params) }), [api, filterKey]);
  if (slice.state === 'loading') return <Loading what="the overview" />;
  if (slice.state === 'error') return <ErrorNotice error={slice.error} />;
  const all = slice.value.groups[0];
  return (
    <section className="overview">
      <h1>Overview</h1>
      <dl className="kpis">
        <div className="kpi">
          <dt>Requests</dt>
          <dd data-testid="kpi-requests" data-value={all?.requests ?? 0}>
            {(all?.requests ?? 0).toLocaleString('en-US')}
          </dd>
        </div>
      </dl>
    </section>
  );
}
