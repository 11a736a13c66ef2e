import type { EXPLORE_CHART_METHODS } from '../../../shared/api/methods/explore-charts';
import type { Session } from '../session';
import { exportCalls } from '../explore/export-calls';
import { latencyHistogram } from '../explore/latency-histogram';
import { scatterSample } from '../explore/scatter-sample';
import { scoreTrend } from '../explore/score-trend';
import type { HandlerGroup } from './handlers';

export function exploreChartHandlers(session: Session): HandlerGroup<keyof typeof EXPLORE_CHART_METHODS> {
  return {
    latencyHistogram: (request) => session.answers.answer('latencyHistogram', request, () => latencyHistogram(session.workspace, request)),
    scatterSample: (request) => session.answers.answer('scatterSample', request, () => scatterSample(session.workspace, request.filter, request.limit)),
    scoreTrend: (request) => session.answers.answer('scoreTrend', request, () => scoreTrend(session.workspace, request.filter)),
    exportCalls: (request) => exportCalls(session.workspace, request),
  };
}
