/** Light and dark themes live in styles/themes.css; the choice is an attribute on <html>, never inline styles. */
export type Theme = 'light' | 'dark';
const KEY = 'tracelens.theme';

function systemTheme(): Theme {
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function currentTheme(): Theme {
  return document.documentElement.dataset['theme'] === 'dark' ? 'dark' : 'light';
}

export function setTheme(theme: Theme): void {
  document.documentElement.dataset['theme'] = theme;
  window.localStorage.setItem(KEY, theme);
}

export function applyStoredTheme(): void {
  const stored = window.localStorage.getItem(KEY);
  document.documentElement.dataset['theme'] = stored === 'dark' || stored === 'light' ? stored : systemTheme();
}
