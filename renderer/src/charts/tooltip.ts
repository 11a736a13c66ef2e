import { visibleText } from '../../../shared/text/visible-text';

/**
 * Tooltips drawn inside the canvas as plain text: ECharts' default HTML tooltips build markup
 * with inline styles (refused by the CSP) and would interpret trace text as HTML.
 */
export const PLAIN_TOOLTIP = { renderMode: 'richText' as const, confine: true };

/** A label for a group value in charts and tooltips: hidden characters escaped, braces kept out of rich-text markup. */
export function chartLabel(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '(none)';
  return visibleText(value).replace(/[{}|]/g, (c) => ({ '{': '⦃', '}': '⦄', '|': '¦' })[c]!);
}

/** The filter value behind a chart label: '(none)' stands for calls without a value. */
export function groupFilterValue(group: string | null): string {
  return group ?? '';
}
