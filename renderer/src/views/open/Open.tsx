import { type DragEvent, useEffect, useState } from 'react';
import type { OpenResult } from '../../../../shared/api/methods/explore';
import type { AppError, Result } from '../../../../shared/api/result';
import type { IngestProgress } from '../../../../shared/domain/ingest';
import { uploadFiles, uploadsNeeded } from '../../api/upload';
import { useApiResult } from '../../app/use-api-result';
import { useRoute } from '../../app/use-route';
import { useApi, useWorkspace } from '../../app/workspace';
import { PlainText } from '../../components/PlainText';
import { ErrorNotice, Loading } from '../../components/Status';
import { IngestProgressBar } from './IngestProgressBar';
import { IngestReportView } from './IngestReportView';
import { parseSources } from './sources-text';
import '../facets/explore.css';
import './open.css';

/** Open dumps (files, folders, globs, s3:// URIs) or a saved workspace, the demo, or a recent one; see the ingest report. */
export function Open() {
  const api = useApi();
  const { workspace, refresh } = useWorkspace();
  const { navigate, params } = useRoute();
  // The desktop menu's "Open from S3" lands here with s3=1.
  const [text, setText] = useState(params.get('s3') ? 's3://' : '');
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<IngestProgress | undefined>(undefined);
  const [error, setError] = useState<AppError | undefined>(undefined);
  const [dragging, setDragging] = useState(false);
  const [copying, setCopying] = useState<string | undefined>(undefined);
  const recent = useApiResult(() => api.recentWorkspaces({}), [api, workspace.state === 'ok' ? workspace.value.title : '']);

  useEffect(() => api.onEvent((event) => event.type === 'ingestProgress' && setProgress(event.payload)), [api]);

  const run = async (call: () => Promise<Result<OpenResult>>) => {
    setBusy(true);
    setError(undefined);
    setProgress(undefined);
    const result = await call();
    setBusy(false);
    if (!result.ok) setError(result.error);
    refresh();
  };
  const open = (sources: string[]) => sources.length && run(() => api.openSources({ sources, mode: 'replace' }));
  /** Browser mode: the page cannot name a dropped or picked file's path, so the file is copied to the engine first. */
  const openFiles = async (files: readonly File[]) => {
    setBusy(true);
    setError(undefined);
    const copied = await uploadFiles(files, (file, i) => setCopying(`${file.name} (${i + 1} of ${files.length})`));
    setCopying(undefined);
    setBusy(false);
    if (!copied.ok) setError(copied.error);
    else void open(copied.value);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const dropped = parseSources(e.dataTransfer.getData('text/uri-list') || e.dataTransfer.getData('text/plain'));
    const files = Array.from(e.dataTransfer.files);
    if (dropped.length) void open(dropped);
    else if (files.length && uploadsNeeded()) void openFiles(files);
    else if (!files.length) setError({ code: 'usage', message: 'nothing to open in what was dropped: drop files, or paste their paths' });
  };

  return (
    <section className="open-view" data-testid="open-view">
      <h1>Open</h1>
      <div
        className={dragging ? 'drop-zone dragging' : 'drop-zone'}
        data-testid="drop-zone"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void open(parseSources(text));
          }}
        >
          <label htmlFor="open-sources">Files, folders, globs or s3:// URIs, one per line (or drop them here)</label>
          <textarea id="open-sources" autoFocus={Boolean(params.get('s3'))} data-testid="open-sources" rows={3} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} placeholder="/var/log/llm/*.jsonl&#10;s3://bucket/traces/2026-11-01/" />
          <div className="open-actions">
            <button type="submit" disabled={busy || !text.trim()} data-testid="open-submit">
              Open
            </button>
            {uploadsNeeded() ? (
              <label className="file-button">
                Choose files…
                <input
                  type="file"
                  multiple
                  disabled={busy}
                  data-testid="open-files"
                  onChange={(e) => {
                    const files = Array.from(e.currentTarget.files ?? []);
                    e.currentTarget.value = '';
                    if (files.length) void openFiles(files);
                  }}
                />
              </label>
            ) : null}
            <button type="button" disabled={busy} onClick={() => void run(() => api.openDemo({}))} data-testid="open-demo">
              Open demo data
            </button>
            <button type="button" disabled={busy || workspace.state !== 'ok'} onClick={() => navigate('overview')}>
              Go to the overview
            </button>
          </div>
        </form>
      </div>
      {copying ? (
        <div className="status loading" role="status" data-testid="open-copying">
          <PlainText text={`Copying ${copying} to TraceLens…`} />
        </div>
      ) : busy ? progress ? <IngestProgressBar progress={progress} /> : <Loading what="the sources" /> : null}
      {error ? <ErrorNotice error={error} /> : null}
      <div className="open-columns">
        <section>
          <h2>Recent workspaces</h2>
          {recent.state === 'loading' ? <Loading /> : null}
          {recent.state === 'error' ? <ErrorNotice error={recent.error} /> : null}
          {recent.state === 'ok' && recent.value.workspaces.length === 0 ? <p className="muted">None yet.</p> : null}
          {recent.state === 'ok' ? (
            <ul className="recent" data-testid="recent-workspaces">
              {recent.value.workspaces.map((w, i) => (
                <li key={i}>
                  <button type="button" className="link-button" disabled={busy} onClick={() => void open(w.path ? [w.path] : [...w.sources])}>
                    <PlainText text={w.title} />
                  </button>
                  <span className="muted"> {w.openedAt.slice(0, 16).replace('T', ' ')}</span>
                </li>
              ))}
            </ul>
          ) : null}
        </section>
        {workspace.state === 'ok' ? <IngestReportView info={workspace.value} /> : null}
      </div>
    </section>
  );
}
