import type { ComponentType } from 'react';

/**
 * A screen of the app. Each lives in renderer/src/views/NAME/view.tsx and exports
 * `view: ViewSpec`; the registry finds it, the navigation shows it (`nav-ID`).
 */
export interface ViewSpec {
  /** In the URL (`#/ID`) and the navigation's test id (`nav-ID`). */
  readonly id: string;
  readonly title: string;
  /** Position in the navigation, lowest first. */
  readonly order: number;
  /** Navigation section. */
  readonly group: 'explore' | 'act' | 'app';
  /** Keyboard shortcut hint shown in the navigation, if any. */
  readonly shortcut?: string;
  readonly Component: ComponentType;
}
