import type { ViewSpec } from '../../app/view-spec';
import { Open } from './Open';

export const view: ViewSpec = { id: 'open', title: 'Open', order: 5, group: 'explore', Component: Open };
