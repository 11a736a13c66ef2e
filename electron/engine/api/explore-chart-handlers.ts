import type { EXPLORE_CHART_METHODS } from '../../../shared/api/methods/explore-charts';
import type { Session } from '../session';
import { exportCalls } from '../explore/export-calls';
import { latencyHistogram } from '../explore/latency-histogram';
import { scatterSample } from '../explore/scatter-sample';
import { scoreTrend } from '../explore/score-trend';
import type { HandlerGroup } from './handlers';
import { remembered } from './remembered';

export function exploreChartHandlers(session: Session): HandlerGroup<keyof typeof EXPLORE_CHART_METHODS> {
  return {
    latencyHistogram: remembered(session, 'latencyHistogram', (request) => latencyHistogram(session.workspace, request)),
    scatterSample: remembered(session, 'scatterSample', ({ filter, limit }) => scatterSample(session.workspace, filter, limit)),
    scoreTrend: remembered(session, 'scoreTrend', ({ filter }) => scoreTrend(session.workspace, filter)),
    exportCalls: (request) => exportCalls(session.workspace, request),
  };
}
