import { rowSortingFeature, type SortingState, tableFeatures, useTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import type { ColumnInfo } from '../../../../shared/api/methods/explore';
import type { PlainRow } from '../../api/arrow';
import { useShownText } from '../../app/redaction';
import { PlainText } from '../../components/PlainText';
import { ErrorNotice } from '../../components/Status';
import { formatCount } from '../../charts/format';
import { cellText, isNumericKind } from './cell-text';
import type { SortKey } from './table-url';
import type { Pages } from './use-pages';

const ROW_HEIGHT = 28;
const features = tableFeatures({ rowSortingFeature });
const NO_ROWS: PlainRow[] = [];

function width(info: ColumnInfo | undefined): number {
  if (!info) return 140;
  if (info.kind === 'timestamp') return 190;
  if (isNumericKind(info.kind)) return 96;
  if (info.name.endsWith('_id') || info.name.endsWith('_hash')) return 200;
  return 150;
}

export interface CallsTableProps {
  readonly pages: Pages;
  readonly columns: readonly string[];
  readonly info: readonly ColumnInfo[];
  readonly sort: readonly SortKey[];
  readonly setSort: (sort: SortKey[]) => void;
  readonly openCall: (requestId: string) => void;
  /** Request ids picked for bulk labeling. */
  readonly selection: ReadonlySet<string>;
  readonly select: (requestIds: readonly string[], on: boolean) => void;
}

/**
 * Millions of calls in a virtualized grid: only the rows in view (plus overscan) are in the DOM,
 * their pages fetched on demand; sorting is done by the engine (click a header, shift-click to add).
 */
export function CallsTable({ pages, columns, info, sort, setSort, openCall, selection, select }: CallsTableProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const anchor = useRef<number | null>(null);
  const [selected, setSelected] = useState<{ row: number; col: number }>({ row: 0, col: 0 });
  const [copied, setCopied] = useState<string | undefined>(undefined);
  const shown = useShownText();
  const kinds = useMemo(() => new Map(info.map((c) => [c.name, c])), [info]);
  const columnDefs = useMemo(
    () => columns.map((name) => ({ id: name, accessorFn: (row: PlainRow) => row[name], header: name, enableSorting: kinds.get(name)?.sortable ?? false })),
    [columns, kinds],
  );
  const sorting: SortingState = sort.map((s) => ({ id: s.column, desc: s.desc }));
  const table = useTable({
    features,
    columns: columnDefs,
    data: NO_ROWS,
    manualSorting: true,
    enableMultiSort: true,
    state: { sorting },
    onSortingChange: (updater) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      setSort(next.map((s) => ({ column: s.id, desc: s.desc })));
    },
  });
  const total = pages.total ?? 0;
  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 20 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => pages.ensure(first, last), [first, last, pages.ensure]);

  const leaf = table.getAllLeafColumns();
  const template = ['32px', ...leaf.map((c) => `${width(kinds.get(c.id))}px`)].join(' ');
  const idAt = (row: number) => {
    const id = pages.row(row)?.['request_id'];
    return typeof id === 'string' ? id : undefined;
  };
  /** Shift extends from the last toggled row over the rows already loaded, to the state of the clicked one. */
  const toggle = (row: number, range: boolean) => {
    const id = idAt(row);
    if (id === undefined) return;
    const on = !selection.has(id);
    const from = range && anchor.current !== null ? Math.min(anchor.current, row) : row;
    const to = range && anchor.current !== null ? Math.max(anchor.current, row) : row;
    const ids: string[] = [];
    for (let r = from; r <= to; r++) {
      const rid = idAt(r);
      if (rid !== undefined) ids.push(rid);
    }
    anchor.current = row;
    select(ids, on);
  };
  const valueAt = (row: number, col: number) => {
    const name = leaf[col]?.id;
    return name ? cellText(name, kinds.get(name)?.kind, pages.row(row)?.[name]) : null;
  };
  const copy = async () => {
    const text = shown(valueAt(selected.row, selected.col) ?? '');
    try {
      await navigator.clipboard.writeText(text);
      setCopied(text);
    } catch {
      setCopied(undefined);
    }
  };
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const move = (row: number, col: number) => {
      const r = Math.max(0, Math.min(total - 1, row));
      setSelected({ row: r, col: Math.max(0, Math.min(leaf.length - 1, col)) });
      virtualizer.scrollToIndex(r);
      e.preventDefault();
    };
    if (e.key === 'ArrowDown') move(selected.row + 1, selected.col);
    else if (e.key === 'ArrowUp') move(selected.row - 1, selected.col);
    else if (e.key === 'ArrowRight') move(selected.row, selected.col + 1);
    else if (e.key === 'ArrowLeft') move(selected.row, selected.col - 1);
    else if (e.key === 'PageDown') move(selected.row + 20, selected.col);
    else if (e.key === 'PageUp') move(selected.row - 20, selected.col);
    else if (e.key === 'Enter') {
      const id = idAt(selected.row);
      if (id !== undefined) openCall(id);
    } else if (e.key === ' ') {
      toggle(selected.row, e.shiftKey);
      e.preventDefault();
    } else if ((e.ctrlKey || e.metaKey) && e.key === 'c') void copy();
  };

  if (pages.error) return <ErrorNotice error={pages.error} />;
  return (
    <div className="calls-table-wrap">
      <div className="calls-toolbar">
        <span data-testid="calls-total" data-value={pages.total ?? ''}>
          {pages.total === undefined ? 'Loading…' : `${formatCount(pages.total)} calls`}
        </span>
        <button type="button" onClick={() => void copy()} data-testid="copy-cell" disabled={total === 0}>
          Copy cell
        </button>
        <span className="muted" role="status">
          {copied !== undefined ? 'Copied' : 'Arrows move, Enter opens the call, Space selects it for labeling, Ctrl+C copies the cell'}
        </span>
      </div>
      {pages.total === 0 ? <div className="status empty">No calls in this slice</div> : null}
      <div ref={scroller} className="calls-table" data-testid="calls-table" role="grid" aria-rowcount={total + 1} aria-colcount={leaf.length + 1} tabIndex={0} onKeyDown={onKey}>
        <div className="ct-header" role="row" style={{ gridTemplateColumns: template }}>
          <div role="columnheader" className="ct-cell ct-check" aria-label="selected for labeling" />
          {table.getHeaderGroups()[0]?.headers.map((header) => {
            const sorted = header.column.getIsSorted();
            const numeric = isNumericKind(kinds.get(header.column.id)?.kind);
            return (
              <div key={header.id} role="columnheader" className={numeric ? 'ct-cell num' : 'ct-cell'} aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}>
                {header.column.getCanSort() ? (
                  <button type="button" onClick={header.column.getToggleSortingHandler()} title="Sort (shift-click to add)" data-testid={`sort-${header.column.id}`}>
                    {header.column.id} {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                  </button>
                ) : (
                  header.column.id
                )}
              </div>
            );
          })}
        </div>
        <div className="ct-body" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = pages.row(item.index);
            const requestId = idAt(item.index);
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                data-testid="calls-row"
                data-request-id={requestId}
                className={item.index === selected.row ? 'ct-row selected' : 'ct-row'}
                style={{ transform: `translateY(${item.start}px)`, gridTemplateColumns: template, height: ROW_HEIGHT }}
                onClick={() => requestId !== undefined && openCall(requestId)}
              >
                <div role="gridcell" className="ct-cell ct-check" onClick={(e) => e.stopPropagation()}>
                  <input
                    type="checkbox"
                    tabIndex={-1}
                    aria-label="select for labeling"
                    data-testid="calls-select"
                    disabled={requestId === undefined}
                    checked={requestId !== undefined && selection.has(requestId)}
                    onChange={() => undefined}
                    onClick={(e) => toggle(item.index, e.shiftKey)}
                  />
                </div>
                {leaf.map((column, c) => {
                  const numeric = isNumericKind(kinds.get(column.id)?.kind);
                  const active = item.index === selected.row && c === selected.col;
                  return (
                    <div
                      key={column.id}
                      role="gridcell"
                      aria-selected={active}
                      className={`ct-cell${numeric ? ' num' : ''}${active ? ' active' : ''}`}
                      onClick={() => setSelected({ row: item.index, col: c })}
                    >
                      {row ? <PlainText text={valueAt(item.index, c)} /> : <span className="ct-pending">…</span>}
                    </div>
                  );
                })}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
