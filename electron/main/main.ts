import { app, Menu, session } from 'electron';
import { RecentWorkspaces } from '../engine/recent';
import type { UserDirs } from '../engine/user-dirs';
import { registerAppScheme, serveAppProtocol } from './app-protocol';
import { hardenSession } from './harden';
import { registerIpc } from './ipc';
import { buildMenu } from './menu';
import { Windows } from './windows';

/** Positional arguments after the app path: the sources `tracelens open SOURCE...` passed on. */
function sourcesFrom(argv: readonly string[]): string[] {
  return argv.slice(app.isPackaged ? 1 : 2).filter((a) => !a.startsWith('-') && a !== '.');
}

registerAppScheme();
if (!app.requestSingleInstanceLock()) app.quit();

const dirs: UserDirs = { config: app.getPath('userData'), cache: app.getPath('sessionData') };
const windows = new Windows(dirs);

async function refreshMenu(): Promise<void> {
  Menu.setApplicationMenu(buildMenu(windows, await RecentWorkspaces.in(dirs.config).list()));
}

app.on('second-instance', (_event, argv) => {
  windows.create(sourcesFrom(argv));
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
  windows.create(sourcesFrom(process.argv));
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('activate', (_event, hasVisibleWindows) => {
  if (!hasVisibleWindows) windows.create([]);
});
