import type { ViewSpec } from '../../app/view-spec';
import { Calls } from './Calls';

export const view: ViewSpec = { id: 'table', title: 'Calls', order: 30, group: 'explore', Component: Calls };
