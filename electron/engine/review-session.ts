import type { DriftReport } from '../../shared/drift/types';
import { err, ok, type Result } from '../../shared/api/result';
import type { LabelEvent, LabelInput } from '../../shared/review/label-event';
import { alertExemplars } from '../../shared/review/alert-key';
import type { QueueOptions } from '../../shared/review/queues';
import type { CurrentLabel } from '../../shared/review/replay';
import { loadPrices, loadRules } from './drift/config-files';
import { type DriftOptions, runDrift } from './drift/run-drift';
import { EngineError } from './errors';
import { LabelJournal, Review, saveLabels } from './review/index';
import type { Session } from './session';
import { SettingsStore } from './settings-store';
import type { Workspace } from './workspace';

/** What an undo puts back: the label a call had for the reviewer before a save (null: none). */
interface UndoStep {
  readonly reviewer: string;
  readonly before: readonly { readonly requestId: string; readonly label: CurrentLabel | null }[];
}

function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new EngineError(result.error.code, result.error.message);
}

function restoreInput(requestId: string, reviewer: string, label: CurrentLabel | null): LabelInput {
  if (!label) return { request_id: requestId, verdict: null, reviewer };
  return { request_id: requestId, verdict: label.verdict, note: label.note, expected: label.expected, reason: label.reason, reviewer };
}

/**
 * The app's review state over the session's open workspace: its labels (replayed
 * from the journal), the last drift report (its exemplars make the drift queue),
 * and the saves that can be undone. Reopened whenever the session's workspace changes.
 */
export class ReviewSession {
  readonly settings: SettingsStore;
  private review: Review | undefined;
  private drift: { workspace: Workspace; report: DriftReport } | undefined;
  /** A drift run started for the review queues, shared by the requests that wait on it. */
  private implicitDrift: { workspace: Workspace; run: Promise<DriftReport> } | undefined;
  private undo: UndoStep[] = [];

  constructor(private readonly session: Session) {
    this.settings = new SettingsStore(session.dirs.config);
  }

  /** The open workspace's labels, replayed afresh when another workspace was opened. */
  async current(): Promise<Review> {
    const workspace = this.session.workspace;
    if (this.review?.workspace !== workspace) {
      this.review = unwrap(await Review.open(workspace));
      this.undo = [];
    }
    return this.review;
  }

  async driftOptions(): Promise<DriftOptions> {
    const settings = await this.settings.get();
    return { rules: await loadRules(settings.rulesFile ?? undefined), prices: await loadPrices(settings.pricesFile ?? undefined) };
  }

  /** Runs the drift checks with the settings' rules and prices, reporting each check done. */
  async runDrift(asOf: string | undefined, onCheck: DriftOptions['onCheck']): Promise<DriftReport> {
    const workspace = this.session.workspace;
    const report = unwrap(await runDrift(workspace, { ...(await this.driftOptions()), asOf, onCheck }));
    this.drift = { workspace, report };
    return report;
  }

  /**
   * Queue options: the drift queue holds the exemplars of the last drift run (run
   * now if there was none); with `alert`, only those of the alert with that key.
   */
  async queueOptions(options: QueueOptions, alert?: string): Promise<QueueOptions> {
    const workspace = this.session.workspace;
    if (this.drift?.workspace !== workspace) {
      const count = await workspace.db.one<{ n: number }>('SELECT count(*) AS n FROM calls');
      if (!count || count.n === 0) return { ...options, driftExemplars: [] };
      // The Review view asks for its queues and their first items at once: one drift run serves both.
      if (this.implicitDrift?.workspace !== workspace) {
        const run = this.runDrift(undefined, undefined).finally(() => {
          if (this.implicitDrift?.run === run) this.implicitDrift = undefined;
        });
        this.implicitDrift = { workspace, run };
      }
      const report = await this.implicitDrift.run;
      return { ...options, driftExemplars: alertExemplars(report.alerts, alert) };
    }
    return { ...options, driftExemplars: alertExemplars(this.drift.report.alerts, alert) };
  }

  /**
   * Saves labels for the settings' reviewer. The journal is opened for each save
   * (so `tracelens label` can write between two saves of the app) and the answer
   * comes only after fsync: a label the app shows as saved is on disk.
   */
  async save(inputs: readonly Omit<LabelInput, 'reviewer'>[], options: { undoable: boolean } = { undoable: true }): Promise<LabelEvent[]> {
    const review = await this.current();
    if (!review.journalPath) throw new EngineError('journal_write_failed', 'labels are saved beside a workspace file: open or save the data as a workspace (tracelens serve --db FILE) to label');
    const reviewer = (await this.settings.get()).reviewer;
    const before = inputs.map((i) => ({ requestId: i.request_id, label: review.labels.find((l) => l.request_id === i.request_id && l.reviewer === reviewer) ?? null }));
    const journal = unwrap(await LabelJournal.open(review.journalPath));
    try {
      const events = unwrap(await saveLabels(review, journal, inputs.map((i) => ({ ...i, reviewer }))));
      if (options.undoable) this.undo.push({ reviewer, before });
      return events;
    } finally {
      await journal.close();
    }
  }

  get undoDepth(): number {
    return this.undo.length;
  }

  /** Puts back the labels as they were before the last save (written as new journal lines). */
  async undoLast(): Promise<Result<LabelEvent[]>> {
    const step = this.undo.at(-1);
    if (!step) return ok([]);
    const reviewer = (await this.settings.get()).reviewer;
    if (reviewer !== step.reviewer) return err('usage', `the last save was by ${step.reviewer}; switch the reviewer back in Settings to undo it`);
    const events = await this.save(
      step.before.map((b) => restoreInput(b.requestId, reviewer, b.label)),
      { undoable: false },
    );
    this.undo.pop();
    return ok(events);
  }
}
