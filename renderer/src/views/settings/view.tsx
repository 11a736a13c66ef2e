import type { ViewSpec } from '../../app/view-spec';
import { Settings } from './Settings';

export const view: ViewSpec = { id: 'settings', title: 'Settings', order: 100, group: 'app', Component: Settings };
