import { app, dialog, Menu, type MenuItemConstructorOptions, shell } from 'electron';
import type { RecentWorkspace } from '../../shared/api/methods/explore';
import { isAllowedExternalUrl } from '../security/policy';
import type { Windows } from './windows';

const DOCS = 'https://github.com/tracelens/tracelens#readme';

async function pickAndOpen(windows: Windows, kind: 'openFile' | 'openDirectory'): Promise<void> {
  const result = await dialog.showOpenDialog({
    title: kind === 'openFile' ? 'Open dumps or a workspace' : 'Open a folder of dumps',
    properties: kind === 'openFile' ? ['openFile', 'multiSelections'] : ['openDirectory'],
    filters: kind === 'openFile' ? [{ name: 'Dumps and workspaces', extensions: ['jsonl', 'ndjson', 'json', 'gz', 'parquet', 'duckdb'] }, { name: 'All files', extensions: ['*'] }] : [],
  });
  if (!result.canceled && result.filePaths.length) windows.create(result.filePaths);
}

function recentItems(windows: Windows, recent: readonly RecentWorkspace[]): MenuItemConstructorOptions[] {
  if (recent.length === 0) return [{ label: 'No recent workspaces', enabled: false }];
  return recent.slice(0, 10).map((r) => ({ label: r.title, click: () => windows.create(r.path ? [r.path] : r.sources) }));
}

/** The application menu: open file / folder / S3 URI, recent workspaces, export gold. */
export function buildMenu(windows: Windows, recent: readonly RecentWorkspace[]): Menu {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Open File…', accelerator: 'CmdOrCtrl+O', click: () => void pickAndOpen(windows, 'openFile') },
        { label: 'Open Folder…', accelerator: 'CmdOrCtrl+Shift+O', click: () => void pickAndOpen(windows, 'openDirectory') },
        { label: 'Open S3 URI…', click: () => windows.sendToFocused({ type: 'menuCommand', payload: { command: 'open-s3' } }) },
        { label: 'Open Recent', submenu: recentItems(windows, recent) },
        { label: 'Open Demo Dataset', click: () => windows.create([]) },
        { type: 'separator' },
        { label: 'Export Gold…', accelerator: 'CmdOrCtrl+E', click: () => windows.sendToFocused({ type: 'menuCommand', payload: { command: 'export-gold' } }) },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [{ role: 'reload' }, ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }]), { type: 'separator' }, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [{ label: 'TraceLens Documentation', click: () => void (isAllowedExternalUrl(DOCS) && shell.openExternal(DOCS)) }],
    },
  ];
  return Menu.buildFromTemplate(template);
}
