import { useEffect, useState } from 'react';
import { useApiResult } from '../../app/use-api-result';
import { useRoute } from '../../app/use-route';
import { useApi } from '../../app/workspace';
import { ErrorNotice, Loading } from '../../components/Status';
import { useCallParam } from '../call-detail/use-call-param';
import { ExploreLayout } from '../facets/ExploreLayout';
import { useSlice } from '../facets/use-slice';
import { BulkLabel } from './BulkLabel';
import { CallsTable } from './CallsTable';
import { ColumnChooser } from './ColumnChooser';
import { ExportControls } from './ExportControls';
import { columnsFromParams, sortFromParams, sortParam, type SortKey } from './table-url';
import { usePages } from './use-pages';
import './table.css';

/** The calls behind the current slice: virtualized, sorted by the engine, columns chosen by the user, exportable. */
export function Calls() {
  const api = useApi();
  const slice = useSlice();
  const { params, setParams } = useRoute();
  const { open } = useCallParam();
  const info = useApiResult(() => api.columns({}), [api]);
  const all = info.state === 'ok' ? info.value.columns : [];
  const sortable = all.filter((c) => c.sortable).map((c) => c.name);
  const sort = sortFromParams(params, sortable);
  const columns = columnsFromParams(
    params,
    all.map((c) => c.name),
    all.filter((c) => c.defaultVisible).map((c) => c.name),
  );
  const key = `${slice.key}|${sortParam(sort)}|${columns.join(',')}`;
  const pages = usePages(slice.filter, sort, columns, key);
  // A selection belongs to the slice it was made in: labeling calls no longer in view would surprise.
  const [selection, setSelection] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => setSelection(new Set()), [slice.key]);
  const select = (ids: readonly string[], on: boolean) =>
    setSelection((prev) => {
      const next = new Set(prev);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  const update = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next);
  };
  return (
    <ExploreLayout slice={slice}>
      <section className="calls">
        <div className="calls-head">
          <h1>Calls</h1>
          {info.state === 'ok' ? <ColumnChooser columns={all} visible={columns} onChange={(next) => update('cols', next.join(','))} /> : null}
          <ExportControls filter={slice.filter} columns={columns} sort={sort} />
        </div>
        <BulkLabel selected={[...selection]} onSaved={() => setSelection(new Set())} onClear={() => setSelection(new Set())} />
        {info.state === 'loading' ? (
          <Loading what="the columns" />
        ) : info.state === 'error' ? (
          <ErrorNotice error={info.error} />
        ) : (
          <CallsTable pages={pages} columns={columns} info={all} sort={sort} setSort={(next: SortKey[]) => update('sort', sortParam(next))} openCall={open} selection={selection} select={select} />
        )}
      </section>
    </ExploreLayout>
  );
}
