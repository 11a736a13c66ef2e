import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getApi } from './api/client';
import { App } from './app/App';
import { applyStoredTheme } from './app/theme';
import './styles/themes.css';
import './styles/base.css';

applyStoredTheme();
// Browser mode: move the token from the address bar into the tab's storage now, not at the first call
// (after React's first render): a navigation in between would leave the page without it.
getApi();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
