import type { EXPLORE_METHODS } from '../../../shared/api/methods/explore';
import { sliceAggregates } from '../slice';
import type { Session } from '../session';
import { callDetail } from '../explore/call-detail';
import { columnInfo } from '../explore/columns';
import { facetCounts, facetValues } from '../explore/facets';
import { tablePage } from '../explore/table-page';
import { timeSeries } from '../explore/time-series';
import { workspaceInfo } from '../explore/workspace-info';
import type { HandlerGroup } from './handlers';
import { remembered } from './remembered';

export function exploreHandlers(session: Session): HandlerGroup<keyof typeof EXPLORE_METHODS> {
  return {
    openSources: ({ sources, mode }) => session.open(sources, { mode }),
    openDemo: () => session.openDemo(),
    workspaceInfo: () => workspaceInfo(session.workspace, session.title, session.lastReport),
    columns: async () => ({ columns: await columnInfo(session.workspace) }),
    facetValues: remembered(session, 'facetValues', (request) => facetValues(session.workspace, request)),
    facetCounts: remembered(session, 'facetCounts', (request) => facetCounts(session.workspace, request)),
    sliceAggregates: remembered(session, 'sliceAggregates', async ({ by, filter, percentiles }) => ({
      groups: await sliceAggregates(session.workspace, { ...filter, by }, { indexed: true, ...(percentiles ? { percentiles } : {}) }),
    })),
    timeSeries: remembered(session, 'timeSeries', (request) => timeSeries(session.workspace, request)),
    tablePage: (request) => tablePage(session.workspace, request),
    callDetail: ({ requestId }) => callDetail(session.workspace, requestId),
    recentWorkspaces: async () => ({ workspaces: await session.recent.list() }),
  };
}
