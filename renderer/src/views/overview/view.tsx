import type { ViewSpec } from '../../app/view-spec';
import { Overview } from './Overview';

export const view: ViewSpec = { id: 'overview', title: 'Overview', order: 10, group: 'explore', Component: Overview };
