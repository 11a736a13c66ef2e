import type { DRIFT_METHODS} from '../../../shared/api/methods/drift';
import { PII_FINDINGS_SENT } from '../../../shared/api/methods/drift';
import { EngineError } from '../errors';
import { scanPii } from '../pii/scan';
import type { ReviewSession } from '../review-session';
import type { Session } from '../session';
import type { HandlerGroup } from './handlers';

export function driftHandlers(session: Session, review: ReviewSession): HandlerGroup<keyof typeof DRIFT_METHODS> {
  return {
    runDrift: ({ asOf }) => review.runDrift(asOf, (done, total, check) => session.emit({ type: 'driftProgress', payload: { done, total, check } })),
    scanPii: async () => {
      const scanned = await scanPii(session.workspace);
      if (!scanned.ok) throw new EngineError(scanned.error.code, scanned.error.message);
      const { findings } = scanned.value;
      return { ...scanned.value, findings: findings.slice(0, PII_FINDINGS_SENT), more: Math.max(0, findings.length - PII_FINDINGS_SENT) };
    },
  };
}
