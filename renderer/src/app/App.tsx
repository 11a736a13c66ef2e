import { useEffect } from 'react';
import type { MenuCommand } from '../../../shared/api/app-events';
import { PlainText } from '../components/PlainText';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { Navigation } from './Navigation';
import { RedactionProvider, RedactionToggle } from './redaction';
import { ThemeToggle } from './ThemeToggle';
import { useRoute } from './use-route';
import { findView, VIEWS } from './views';
import { useWorkspace, WorkspaceProvider } from './workspace';

function Header() {
  const { workspace } = useWorkspace();
  return (
    <header className="app-header">
      <span className="app-name">TraceLens</span>
      <span className="workspace-title" data-testid="workspace-title">
        {workspace.state === 'ok' ? <PlainText text={workspace.value.title} /> : workspace.state === 'loading' ? '…' : 'No workspace'}
      </span>
      <RedactionToggle />
      <ThemeToggle />
    </header>
  );
}

/** Desktop menu items the renderer carries out: they open views that own the dialogs. */
const MENU_VIEWS: Readonly<Record<MenuCommand, [string, string]>> = {
  'open-s3': ['open', 's3=1'],
  'open-sources': ['open', ''],
  'export-gold': ['export', ''],
};

function Shell() {
  const route = useRoute();
  const view = findView(route.view);
  const { api, version } = useWorkspace();
  const { navigate } = route;
  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type !== 'menuCommand') return;
        const [id, params] = MENU_VIEWS[event.payload.command];
        navigate(id, new URLSearchParams(params));
      }),
    [api, navigate],
  );
  return (
    <div className="app">
      <Header />
      <Navigation views={VIEWS} current={view?.id ?? ''} />
      <main className="app-main" data-testid={`view-${view?.id ?? 'none'}`}>
        {view ? (
          <ErrorBoundary key={`${view.id}:${version}`}>
            <view.Component />
          </ErrorBoundary>
        ) : null}
      </main>
    </div>
  );
}

export function App() {
  return (
    <WorkspaceProvider>
      <RedactionProvider>
        <Shell />
      </RedactionProvider>
    </WorkspaceProvider>
  );
}
