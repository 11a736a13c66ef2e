import { useSyncExternalStore } from 'react';

/** The chart colors of the current theme, read from the CSS custom properties (styles/themes.css). */
export interface ChartColors {
  readonly fg: string;
  readonly muted: string;
  readonly border: string;
  readonly bg: string;
  readonly bad: string;
  readonly warn: string;
  readonly series: readonly string[];
}

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}

let cached: { theme: string | undefined; colors: ChartColors } | undefined;

function read(): ChartColors {
  const theme = document.documentElement.dataset['theme'];
  if (cached && cached.theme === theme) return cached.colors;
  const style = getComputedStyle(document.documentElement);
  const v = (name: string) => style.getPropertyValue(name).trim();
  const colors: ChartColors = {
    fg: v('--fg'),
    muted: v('--fg-muted'),
    border: v('--border'),
    bg: v('--bg-raised'),
    bad: v('--bad'),
    warn: v('--warn'),
    series: [1, 2, 3, 4, 5, 6].map((i) => v(`--chart-${i}`)).concat(['#8c8c8c', '#b07aa1', '#9c755f', '#76b7b2']),
  };
  cached = { theme, colors };
  return colors;
}

/** Re-renders when the theme switches, so charts redraw in the new colors. */
export function useThemeColors(): ChartColors {
  return useSyncExternalStore(subscribe, read);
}
