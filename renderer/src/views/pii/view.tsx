import type { ViewSpec } from '../../app/view-spec';
import { Pii } from './Pii';

export const view: ViewSpec = { id: 'pii', title: 'PII', order: 80, group: 'act', Component: Pii };
