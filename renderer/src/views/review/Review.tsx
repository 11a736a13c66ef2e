import { useCallback, useEffect, useRef, useState } from 'react';
import type { QueueItem } from '../../../../shared/api/methods/review';
import type { AppError } from '../../../../shared/api/result';
import { QUEUE_PAGE } from '../../../../shared/review/queues';
import type { CurrentLabel } from '../../../../shared/review/replay';
import { filterFromParams } from '../../app/filter-url';
import { useApiResult } from '../../app/use-api-result';
import { useRoute } from '../../app/use-route';
import { useApi } from '../../app/workspace';
import { PlainText } from '../../components/PlainText';
import { Empty, ErrorNotice, Loading } from '../../components/Status';
import { CallDetail } from '../call-detail/CallDetail';
import { useKeptResult } from '../facets/use-kept-result';
import { Agreement } from './Agreement';
import { isTyping, reviewAction } from './keys';
import { EMPTY_DRAFT, LabelBar, type LabelDraft } from './LabelBar';
import { QueuePicker, QueueProgress } from './QueuePicker';
import { useQueuePages } from './use-queue-pages';
import './review.css';

/** How far down a queue a linked call is looked for: 20 pages. */
const SEEK_LIMIT = 20 * QUEUE_PAGE;

/** This session's own saves, shown in the list at once (the list itself is not reloaded while labeling). */
type Saved = Readonly<Record<string, 'pass' | 'fail' | null>>;

function marks(item: QueueItem, reviewer: string, saved: Saved): { reviewer: string; verdict: 'pass' | 'fail' }[] {
  const others = item.labels.filter((l) => l.reviewer !== reviewer);
  const own = item.request_id in saved ? saved[item.request_id] : item.labels.find((l) => l.reviewer === reviewer)?.verdict;
  return own ? [...others, { reviewer, verdict: own }] : others;
}

/** Each call's note, expected answer and reason typed but not yet saved with a verdict, kept while the view is open. */
type Drafts = Readonly<Record<string, LabelDraft>>;

const isBlank = (d: LabelDraft) => !d.note && !d.expected && !d.reason;

function ItemList({ items, current, onPick, reviewer, saved, drafts }: { items: readonly QueueItem[]; current: string | undefined; onPick: (id: string) => void; reviewer: string; saved: Saved; drafts: Drafts }) {
  return (
    <ol className="queue-list" data-testid="review-items">
      {items.map((item) => (
        <li key={item.request_id}>
          <button type="button" aria-current={item.request_id === current} onClick={() => onPick(item.request_id)} tabIndex={-1}>
            <PlainText text={item.request_id} />
            <span>
              {item.request_id in drafts ? (
                <span className="draft-mark" data-testid="review-draft-mark" title="unsaved note or expected answer: p or f saves it">
                  draft
                </span>
              ) : null}
              {marks(item, reviewer, saved).map((l) => (
                <span key={l.reviewer} className={`verdict-${l.verdict}`} title={l.reviewer}>
                  {l.verdict === 'pass' ? '✓' : '✗'}
                </span>
              ))}
            </span>
          </button>
        </li>
      ))}
    </ol>
  );
}

/**
 * Keyboard-first labeling of a review queue. A label counts as saved only when
 * the engine says the journal line is on disk; until then the view does not move,
 * and a failed save stays on screen and blocks moving on.
 */
export function Review() {
  const api = useApi();
  const { params, setParams } = useRoute();
  const filter = filterFromParams(params);
  const filterKey = JSON.stringify(filter);
  const [version, setVersion] = useState(0);
  const queueName = params.get('queue') || undefined;
  // A link from one drift alert: the drift queue holds only that alert's exemplars.
  const alert = queueName === 'drift' ? params.get('alert') || undefined : undefined;
  // Kept while a save's refresh runs: the view stays on screen (and in place) from one label to the next.
  const queues = useKeptResult(() => api.reviewQueues({ filter, alert }), [api, filterKey, alert, version]);
  const queue = queueName ?? queues.value?.queues.find((q) => q.size > 0)?.name ?? 'judge';
  const pages = useQueuePages({ queue, filter, alert });
  const list = pages.items;
  const currentId = params.get('id') || list[0]?.request_id;
  const [labels, setLabels] = useState<readonly CurrentLabel[]>([]);
  const [drafts, setDrafts] = useState<Drafts>({});
  const draft = (currentId && drafts[currentId]) || EMPTY_DRAFT;
  const setDraft = useCallback(
    (change: (d: LabelDraft) => LabelDraft) => {
      if (!currentId) return;
      setDrafts((all) => {
        const { [currentId]: old, ...rest } = all;
        const next = change(old ?? EMPTY_DRAFT);
        return isBlank(next) ? rest : { ...rest, [currentId]: next };
      });
    },
    [currentId],
  );
  const [editing, setEditing] = useState<'note' | 'expected' | null>(null);
  const [saving, setSaving] = useState(false);
  const inFlight = useRef(false);
  const [saveError, setSaveError] = useState<AppError | null>(null);
  const [notice, setNotice] = useState('');
  const [saved, setSaved] = useState<Saved>({});
  const state = useApiResult(() => api.reviewState({}), [api]);
  const reviewer = state.state === 'ok' ? state.value.reviewer : '';

  const go = useCallback(
    (changes: Record<string, string>) => {
      const next = new URLSearchParams(params);
      for (const [k, v] of Object.entries(changes)) next.set(k, v);
      setParams(next);
    },
    [params, setParams],
  );

  useEffect(() => {
    if (!currentId) return;
    let live = true;
    void api.callLabels({ requestId: currentId }).then((r) => live && r.ok && setLabels(r.value.labels));
    return () => {
      live = false;
    };
  }, [api, currentId, version]);

  // A link to a call further down the queue (from a drift exemplar, the calls table): pages are fetched, in
  // order, until it is listed, so j and k walk on from where it stands. Bounded, for an id not in the queue.
  const linked = params.get('id');
  useEffect(() => {
    if (!linked || !pages.more || pages.error || list.length >= SEEK_LIMIT || list.some((i) => i.request_id === linked)) return;
    void pages.loadMore();
  }, [linked, list, pages]);

  /** Past the last call loaded, the next page is fetched first. */
  const move = useCallback(
    async (by: 1 | -1) => {
      const at = list.findIndex((i) => i.request_id === currentId);
      let next = list[at + by];
      if (!next && by === 1 && at >= 0 && pages.more) next = (await pages.loadMore())?.[at + 1];
      if (next) go({ id: next.request_id });
    },
    [list, currentId, go, pages],
  );

  const save = useCallback(
    async (verdict: 'pass' | 'fail') => {
      // A ref, not state: two quick key presses must not both start a save.
      if (!currentId || inFlight.current) return;
      inFlight.current = true;
      setSaving(true);
      const result = await api.saveLabel({
        requestId: currentId,
        verdict,
        note: draft.note || null,
        expected: draft.expected || null,
        reason: verdict === 'fail' ? draft.reason : null,
      });
      inFlight.current = false;
      setSaving(false);
      if (!result.ok) {
        setSaveError(result.error);
        return;
      }
      setSaveError(null);
      setDraft(() => EMPTY_DRAFT);
      setSaved((m) => ({ ...m, [currentId]: verdict }));
      setNotice(`Saved ${verdict} for ${currentId}.`);
      setVersion((v) => v + 1);
      await move(1);
    },
    [api, currentId, draft, setDraft, move],
  );

  const clear = useCallback(async () => {
    if (!currentId) return;
    const result = await api.saveLabel({ requestId: currentId, verdict: null });
    if (!result.ok) return setSaveError(result.error);
    setSaveError(null);
    setSaved((m) => ({ ...m, [currentId]: null }));
    setNotice(`Cleared your label on ${currentId}.`);
    setVersion((v) => v + 1);
  }, [api, currentId]);

  const undo = useCallback(async () => {
    const result = await api.undoLabel({});
    if (!result.ok) return setSaveError(result.error);
    setSaveError(null);
    setVersion((v) => v + 1);
    const event = result.value.event;
    if (!event) return setNotice('Nothing to undo.');
    setSaved((m) => ({ ...m, [event.request_id]: event.verdict }));
    setNotice(`Undone: ${event.request_id} is ${event.verdict ?? 'unlabeled'} again.`);
    if (list.some((i) => i.request_id === event.request_id)) go({ id: event.request_id });
  }, [api, list, go]);

  const latest = useRef({ save, move, undo, saveError, editing, setDraft });
  latest.current = { save, move, undo, saveError, editing, setDraft };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event.target) || latest.current.editing) return;
      const action = reviewAction(event);
      if (!action) return;
      event.preventDefault();
      const { save, move, undo, saveError, setDraft } = latest.current;
      if (action.kind === 'verdict') void save(action.verdict);
      else if (action.kind === 'move' && !saveError) void move(action.by);
      else if (action.kind === 'edit') {
        // Keys typed before the field has focus are text, not commands.
        latest.current.editing = action.field;
        setEditing(action.field);
      }
      else if (action.kind === 'reason') setDraft((d) => ({ ...d, reason: action.reason }));
      else if (action.kind === 'undo') void undo();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (queues.error) return <ErrorNotice error={queues.error} />;
  if (!queues.value) return <Loading what="the review queues" />;
  const summary = queues.value.queues.find((q) => q.name === queue);
  return (
    <section className="review">
      <h1>Review</h1>
      <div className="toolbar">
        <QueuePicker queues={queues.value.queues} current={queue} onPick={(name) => go({ queue: name, id: '', alert: '' })} />
        <QueueProgress queue={summary} />
        {alert ? (
          <span className="muted" data-testid="review-alert" data-alert={alert}>
            {'only the exemplars of '}
            <PlainText text={alert} />{' '}
            <button type="button" onClick={() => go({ alert: '', id: '' })}>
              Every drift exemplar
            </button>
          </span>
        ) : null}
        {Object.keys(filter.where ?? {}).length > 0 ? <span className="muted">restricted to the current slice</span> : null}
        <span role="status" className="muted" data-testid="review-notice">
          {notice}
        </span>
      </div>
      {saveError ? (
        <div className="save-error" role="alert" data-testid="label-error">
          <PlainText text={`Not saved: ${saveError.message}`} />{' '}
          <button type="button" onClick={() => setSaveError(null)}>
            Dismiss
          </button>
        </div>
      ) : null}
      {pages.first.state === 'loading' ? <Loading what="the queue" /> : null}
      {pages.first.state === 'error' ? <ErrorNotice error={pages.first.error} /> : null}
      {pages.error ? <ErrorNotice error={pages.error} /> : null}
      {pages.first.state === 'ok' && list.length === 0 ? <Empty>This queue is empty.</Empty> : null}
      {currentId && list.length > 0 ? (
        <div className="act-layout">
          <div>
            <ItemList items={list} current={currentId} reviewer={reviewer} saved={saved} drafts={drafts} onPick={(id) => !saveError && go({ id })} />
            {pages.more ? (
              <p className="muted" data-testid="review-loaded" data-count={list.length}>
                {`${list.length} of ${summary?.size ?? '?'} loaded; j on the last one loads more`}
              </p>
            ) : null}
            <Agreement queue={queue} filter={filter} alert={alert} version={version} />
          </div>
          <div data-testid="review-current" data-request-id={currentId}>
            <h2>
              <PlainText text={currentId} />
            </h2>
            <LabelBar
              draft={draft}
              editing={editing}
              labels={labels}
              saving={saving}
              onClear={() => void clear()}
              onEdited={(field, text) => {
                setEditing(null);
                if (text !== null) setDraft((d) => ({ ...d, [field]: text }));
              }}
            />
            <CallDetail requestId={currentId} closable={false} />
          </div>
        </div>
      ) : null}
    </section>
  );
}
