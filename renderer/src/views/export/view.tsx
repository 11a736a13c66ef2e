import type { ViewSpec } from '../../app/view-spec';
import { ExportGold } from './ExportGold';

export const view: ViewSpec = { id: 'export', title: 'Export gold', order: 70, group: 'act', Component: ExportGold };
