import type { IngestProgress } from '../domain/ingest';

/** Events the engine pushes to the renderer (Electron IPC events, or server-sent events over HTTP). */
export interface AppEvents {
  ingestProgress: IngestProgress;
  /** A workspace was opened outside the renderer's own request (menu, `tracelens open`, drag and drop). */
  workspaceOpened: { readonly title: string };
  /** A drift run finished one more of its checks. */
  driftProgress: { readonly done: number; readonly total: number; readonly check: string };
}

export type EventName = keyof AppEvents;

export type AppEvent = { [E in EventName]: { readonly type: E; readonly payload: AppEvents[E] } }[EventName];

export const EVENT_NAMES: readonly EventName[] = ['ingestProgress', 'workspaceOpened', 'driftProgress'];
