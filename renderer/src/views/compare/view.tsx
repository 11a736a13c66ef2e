import type { ViewSpec } from '../../app/view-spec';
import { Compare } from './Compare';

export const view: ViewSpec = { id: 'compare', title: 'Compare', order: 50, group: 'explore', Component: Compare };
