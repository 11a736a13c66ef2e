import type { ViewSpec } from '../../app/view-spec';
import { Drift } from './Drift';

export const view: ViewSpec = { id: 'drift', title: 'Drift', order: 50, group: 'act', Component: Drift };
