import type { ViewSpec } from '../../app/view-spec';
import { Review } from './Review';

export const view: ViewSpec = { id: 'review', title: 'Review', order: 60, group: 'act', shortcut: 'p f j k n e 1-6 u', Component: Review };
