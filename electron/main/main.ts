import { resolve } from 'node:path';
import { app, Menu, session } from 'electron';
import { RecentWorkspaces } from '../engine/recent';
import { userDirs } from '../engine/user-dirs';
import { registerAppScheme, serveAppProtocol } from './app-protocol';
import { hardenSession } from './harden';
import { registerIpc } from './ipc';
import { buildMenu } from './menu';
import { Windows } from './windows';

/** Positional arguments after the app path: the sources `tracelens open SOURCE...` passed on, local paths made absolute. */
function sourcesFrom(argv: readonly string[], cwd: string): string[] {
  return argv
    .slice(app.isPackaged ? 1 : 2)
    .filter((a) => !a.startsWith('-') && a !== '.')
    .map((a) => (/^[a-z][a-z0-9+.-]*:\/\//i.test(a) ? a : resolve(cwd, a)));
}

registerAppScheme();

/** A second `tracelens open` hands its sources to the running app, which opens them in a new window. */
function start(): void {
  // The same folders as the CLI and browser mode: one recent list, one demo dataset, one S3 cache.
  const dirs = userDirs();
  const windows = new Windows(dirs);

  async function refreshMenu(): Promise<void> {
    Menu.setApplicationMenu(buildMenu(windows, await RecentWorkspaces.in(dirs.config).list()));
  }

  app.on('second-instance', (_event, argv, workingDirectory) => {
    windows.create(sourcesFrom(argv, workingDirectory));
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  app.whenReady().then(async () => {
    hardenSession(session.defaultSession);
    serveAppProtocol();
    registerIpc((event) => windows.hostFor(event.sender));
    await refreshMenu();
    app.on('browser-window-focus', () => void refreshMenu());
    windows.create(sourcesFrom(process.argv, process.cwd()));
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', (_event, hasVisibleWindows) => {
    if (!hasVisibleWindows) windows.create([]);
  });
}

if (app.requestSingleInstanceLock()) start();
else app.quit();
