import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { AppEvent } from '../../shared/api/app-events';
import type { OpenResult } from '../../shared/api/methods/explore';
import type { IngestReport } from '../../shared/domain/ingest';
import { isWorkspaceFile } from '../formats/workspace-file';
import { type ResolveOptions, resolveSources, schemeOf } from '../sources/resolve';
import { ensureDemoDataset } from './demo-files';
import { AnswerCache } from './answer-cache';
import { EngineError } from './errors';
import { workspaceInfo } from './explore/workspace-info';
import { ingestFiles } from './ingest';
import { RecentWorkspaces } from './recent';
import { demoDir, type UserDirs } from './user-dirs';
import { Workspace } from './workspace';

export interface SessionOptions {
  readonly dirs: UserDirs;
  readonly resolve?: ResolveOptions;
  /** Where events for the renderer go (progress, workspace opened). */
  readonly onEvent?: (event: AppEvent) => void;
}

export interface OpenOptions {
  readonly mode?: 'replace' | 'add';
  /** Load dumps into this workspace file instead of memory. */
  readonly db?: string;
  /** What the window title says instead of the first source's name. */
  readonly title?: string;
}

interface Current {
  readonly workspace: Workspace;
  readonly title: string;
  readonly report: IngestReport | null;
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() ?? false;
}

function titleOf(sources: readonly string[]): string {
  const first = basename(sources[0] ?? '') || (sources[0] ?? 'workspace');
  return sources.length > 1 ? `${first} (+${sources.length - 1} more)` : first;
}

const isLocal = (source: string) => schemeOf(source) === undefined;

/** The workspace a window (or the browser-mode server) works on, and how it gets opened. */
export class Session {
  private current: Current | undefined;
  private readonly caches = new WeakMap<Workspace, AnswerCache>();
  readonly recent: RecentWorkspaces;

  constructor(private readonly options: SessionOptions) {
    this.recent = RecentWorkspaces.in(options.dirs.config);
  }

  get workspace(): Workspace {
    if (!this.current) throw new EngineError('not_found', 'no workspace is open: open a dump, a folder or a workspace file first');
    return this.current.workspace;
  }

  /** Recent answers of the explore reads over the open workspace's calls. */
  get answers(): AnswerCache {
    return this.cacheOf(this.workspace);
  }

  private cacheOf(workspace: Workspace): AnswerCache {
    let cache = this.caches.get(workspace);
    if (!cache) this.caches.set(workspace, (cache = new AnswerCache()));
    return cache;
  }

  get title(): string {
    return this.current?.title ?? 'TraceLens';
  }

  /** The user's config and cache folders. */
  get dirs(): UserDirs {
    return this.options.dirs;
  }

  /** Sends an event to the renderer (progress of long work). */
  emit(event: AppEvent): void {
    this.options.onEvent?.(event);
  }

  get lastReport(): IngestReport | null {
    return this.current?.report ?? null;
  }

  async open(sourceArgs: readonly string[], options: OpenOptions = {}): Promise<OpenResult> {
    const sources = sourceArgs.map((s) => (isLocal(s) ? resolve(s) : s));
    if (sources.length === 0 && !options.db) throw new EngineError('usage', 'give at least one source to open');
    const single = sources.length === 1 && isLocal(sources[0]!) && (await isWorkspaceFile(sources[0]!));
    if (single && options.db) throw new EngineError('usage', `open the workspace ${sourceArgs[0]} on its own, or load dumps into ${options.db}: not both`);
    if (options.mode !== 'add' && (single || (sources.length === 0 && options.db))) {
      const path = single ? sources[0]! : resolve(options.db!);
      // A mistyped --db would otherwise open a new, empty workspace and leave the file behind.
      if (!single && !(await isFile(path))) throw new EngineError('not_found', `no such workspace: ${options.db} (give dumps to load into it: tracelens serve DUMP... --db ${options.db})`);
      return this.swap(await Workspace.open({ path }), basename(path), null, [path]);
    }
    if (single) throw new EngineError('usage', 'a workspace file opens on its own: it cannot be added to another workspace');
    const files = await resolveSources(sources, this.options.resolve);
    const adding = options.mode === 'add' && this.current !== undefined;
    const workspace = adding ? this.current!.workspace : await Workspace.open(options.db ? { path: resolve(options.db) } : {});
    // Answers read before or while files are added would describe calls that are no longer all there are.
    const answers = this.cacheOf(workspace);
    answers.invalidate();
    try {
      const report = await ingestFiles(workspace, files, { onProgress: (payload) => this.options.onEvent?.({ type: 'ingestProgress', payload }) }).finally(() => answers.invalidate());
      if (adding) return this.swap(workspace, this.current!.title, report, sources, false);
      return this.swap(workspace, options.title ?? (options.db ? basename(options.db) : titleOf(sources)), report, sources);
    } catch (error) {
      if (!adding) workspace.close();
      throw error;
    }
  }

  /** The bundled demo dataset, generated into the user's cache folder on first use. */
  async openDemo(): Promise<OpenResult> {
    const dir = await ensureDemoDataset(demoDir(this.options.dirs));
    return this.open([dir], { title: 'Demo dataset' });
  }

  private async swap(workspace: Workspace, title: string, report: IngestReport | null, sources: readonly string[], replace = true): Promise<OpenResult> {
    const previous = this.current;
    this.current = { workspace, title, report };
    if (replace && previous && previous.workspace !== workspace) previous.workspace.close();
    await this.recent.add({ title, path: workspace.path ?? null, sources: [...sources], openedAt: new Date().toISOString() });
    const info = await workspaceInfo(workspace, title, report);
    this.options.onEvent?.({ type: 'workspaceOpened', payload: { title } });
    return { workspace: info, report };
  }

  close(): void {
    this.current?.workspace.close();
    this.current = undefined;
  }
}
