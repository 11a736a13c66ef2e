import type { IngestProgress } from '../domain/ingest';

/** Events the engine pushes to the renderer (Electron IPC events, or server-sent events over HTTP). */
export interface AppEvents {
  ingestProgress: IngestProgress;
  /** A workspace was opened (by the renderer, a menu, drag and drop): views reload. */
  workspaceOpened: { readonly title: string };
  /** A desktop menu item the renderer carries out (it owns the dialogs and views for these). */
  menuCommand: { readonly command: MenuCommand };
  /** A drift run finished one more of its checks. */
  driftProgress: { readonly done: number; readonly total: number; readonly check: string };
}

export type MenuCommand = 'open-s3' | 'open-sources' | 'export-gold';

export type EventName = keyof AppEvents;

export type AppEvent = { [E in EventName]: { readonly type: E; readonly payload: AppEvents[E] } }[EventName];

export const EVENT_NAMES: readonly EventName[] = ['ingestProgress', 'workspaceOpened', 'menuCommand', 'driftProgress'];
