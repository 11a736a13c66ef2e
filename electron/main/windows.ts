import { app, BrowserWindow, type WebContents } from 'electron';
import type { AppEvent } from '../../shared/api/app-events';
import { IPC_EVENT_CHANNEL } from '../../shared/api/ipc-channels';
import type { UserDirs } from '../engine/user-dirs';
import { APP_ORIGIN, WEB_PREFERENCES } from '../security/policy';
import { EngineHost } from './engine-host';
import { hardenContents } from './harden';
import { PRELOAD } from './paths';

interface WorkspaceWindow {
  readonly window: BrowserWindow;
  readonly host: EngineHost;
}

/** One window per workspace, each with its own engine process. */
export class Windows {
  private readonly open = new Map<number, WorkspaceWindow>();

  constructor(private readonly dirs: UserDirs) {}

  hostFor(contents: WebContents): EngineHost | undefined {
    return this.open.get(contents.id)?.host;
  }

  /** A new window on `sources` (none: the bundled demo dataset). */
  create(sources: readonly string[]): BrowserWindow {
    const window = new BrowserWindow({
      width: 1440,
      height: 900,
      minWidth: 1024,
      minHeight: 640,
      title: 'TraceLens',
      show: false,
      webPreferences: { ...WEB_PREFERENCES, preload: PRELOAD, devTools: !app.isPackaged },
    });
    const contents = window.webContents;
    const send = (event: AppEvent) => {
      if (!contents.isDestroyed()) contents.send(IPC_EVENT_CHANNEL, event);
    };
    const host = new EngineHost(this.dirs, (event) => {
      if (event.type === 'workspaceOpened' && !window.isDestroyed()) window.setTitle(`${event.payload.title} — TraceLens`);
      send(event);
    });
    this.open.set(contents.id, { window, host });
    hardenContents(contents);
    window.once('ready-to-show', () => window.show());
    window.on('closed', () => {
      host.stop();
      this.open.delete(contents.id);
    });
    void (sources.length ? host.call('openSources', { sources }) : host.call('openDemo', {})).then((result) => {
      if (!result.ok && !window.isDestroyed()) window.setTitle(`TraceLens — ${result.error.message}`);
    });
    void window.loadURL(`${APP_ORIGIN}/`);
    return window;
  }

  /** Tells the focused window's renderer to carry out a menu command. */
  sendToFocused(event: AppEvent): void {
    const focused = BrowserWindow.getFocusedWindow();
    if (focused && !focused.webContents.isDestroyed()) focused.webContents.send(IPC_EVENT_CHANNEL, event);
  }
}
