import { useMemo } from 'react';
import { DIMENSIONS } from '../../../../shared/domain/call-columns';
import type { SliceGroup } from '../../../../shared/query/slice';
import { withFilter } from '../../app/filter-url';
import { useApiResult } from '../../app/use-api-result';
import { useRoute } from '../../app/use-route';
import { useApi } from '../../app/workspace';
import { PlainText } from '../../components/PlainText';
import { ErrorNotice, Loading } from '../../components/Status';
import { formatCount, formatMs, formatPercent, formatUsd } from '../../charts/format';
import { ExploreLayout } from '../facets/ExploreLayout';
import { useSlice } from '../facets/use-slice';
import './pivot.css';

const MEASURES: readonly { id: keyof SliceGroup & string; label: string; format: (v: number | null) => string }[] = [
  { id: 'requests', label: 'Requests', format: formatCount },
  { id: 'error_rate', label: 'Error rate', format: (v) => formatPercent(v, 2) },
  { id: 'block_rate', label: 'Block rate', format: (v) => formatPercent(v, 2) },
  { id: 'ttft_p50_ms', label: 'TTFT p50', format: formatMs },
  { id: 'ttft_p95_ms', label: 'TTFT p95', format: formatMs },
  { id: 'total_p95_ms', label: 'Total p95', format: formatMs },
  { id: 'decode_p95_ms', label: 'Decode p95', format: formatMs },
  { id: 'tokens_out', label: 'Tokens out', format: formatCount },
  { id: 'cost_usd', label: 'Cost', format: formatUsd },
  { id: 'cost_per_request_p99', label: 'Cost/req p99', format: formatUsd },
];

function DimensionSelect({ label, value, onChange, allowNone }: { label: string; value: string; onChange: (v: string) => void; allowNone?: boolean }) {
  return (
    <label>
      {label}{' '}
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={`pivot-${label.toLowerCase().replace(/\W+/g, '-')}`}>
        {allowNone ? <option value="">(none)</option> : null}
        {DIMENSIONS.map((d) => (
          <option key={d} value={d}>
            {d}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Slice aggregates grouped by one or two dimensions; a row opens the calls behind it. */
export function Pivot() {
  const api = useApi();
  const slice = useSlice();
  const { params, setParams, navigate } = useRoute();
  const rowsBy = DIMENSIONS.includes(params.get('rows') ?? '') ? params.get('rows')! : 'feature';
  const colsBy = DIMENSIONS.includes(params.get('cols2') ?? '') && params.get('cols2') !== rowsBy ? params.get('cols2')! : '';
  const sortBy = MEASURES.some((m) => m.id === params.get('psort')) ? params.get('psort')! : 'requests';
  const asc = params.get('pdir') === 'asc';
  const by = colsBy ? [rowsBy, colsBy] : [rowsBy];
  const result = useApiResult(() => api.sliceAggregates({ by: by as never, filter: slice.filter }), [api, slice.key, by.join(',')]);
  const set = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) if (v) next.set(k, v);
    else next.delete(k);
    setParams(next);
  };
  const rows = useMemo(() => {
    const groups = result.state === 'ok' ? [...result.value.groups] : [];
    const value = (g: SliceGroup) => (g[sortBy] === null ? -Infinity : Number(g[sortBy]));
    return groups.sort((a, b) => (asc ? value(a) - value(b) : value(b) - value(a)));
  }, [result, sortBy, asc]);
  const openCalls = (g: SliceGroup) => {
    const where: Record<string, readonly string[]> = { ...slice.filter.where };
    for (const d of by) where[d] = [g[d] === null ? '' : String(g[d])];
    navigate('table', withFilter(new URLSearchParams(), { ...slice.filter, where }));
  };
  return (
    <ExploreLayout slice={slice}>
      <section className="pivot">
        <h1>Pivot</h1>
        <div className="pivot-controls">
          <DimensionSelect label="Rows" value={rowsBy} onChange={(v) => set({ rows: v })} />
          <DimensionSelect label="Then by" value={colsBy} onChange={(v) => set({ cols2: v })} allowNone />
        </div>
        {result.state === 'loading' ? <Loading what="the pivot" /> : null}
        {result.state === 'error' ? <ErrorNotice error={result.error} /> : null}
        {result.state === 'ok' && rows.length === 0 ? <div className="status empty">No calls in this slice</div> : null}
        {result.state === 'ok' && rows.length > 0 ? (
          <div className="pivot-scroll">
            <table className="data-table" data-testid="pivot-table">
              <thead>
                <tr>
                  {by.map((d) => (
                    <th key={d} scope="col">
                      {d}
                    </th>
                  ))}
                  {MEASURES.map((m) => (
                    <th key={m.id} scope="col" className="num" aria-sort={sortBy === m.id ? (asc ? 'ascending' : 'descending') : 'none'}>
                      <button type="button" onClick={() => set({ psort: m.id, pdir: sortBy === m.id && !asc ? 'asc' : '' })}>
                        {m.label} {sortBy === m.id ? (asc ? '▲' : '▼') : ''}
                      </button>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((g, i) => (
                  <tr key={i} data-testid="pivot-row" tabIndex={0} onClick={() => openCalls(g)} onKeyDown={(e) => e.key === 'Enter' && openCalls(g)} title="Open the calls behind this row">
                    {by.map((d) => (
                      <td key={d} className="pivot-dim">
                        {g[d] === null ? <em>(none)</em> : <PlainText text={String(g[d])} />}
                      </td>
                    ))}
                    {MEASURES.map((m) => (
                      <td key={m.id} className="num" data-measure={m.id} data-value={g[m.id] ?? ''}>
                        {m.format(g[m.id] as number | null)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
    </ExploreLayout>
  );
}
