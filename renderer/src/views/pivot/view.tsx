import type { ViewSpec } from '../../app/view-spec';
import { Pivot } from './Pivot';

export const view: ViewSpec = { id: 'pivot', title: 'Pivot', order: 40, group: 'explore', Component: Pivot };
