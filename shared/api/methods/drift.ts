import { z } from 'zod';
import type { DriftReport } from '../../drift/types';
import type { PiiReport } from '../../pii/report';
import { method } from '../method';
import { IsoTime } from '../schemas';

/** Methods that check the open workspace: drift alerts and PII findings. */

export interface PiiScanResult extends PiiReport {
  /** Findings beyond those sent (the counts cover them all). */
  readonly more: number;
}

/** Findings sent to the app at most (the counts are complete). */
export const PII_FINDINGS_SENT = 2000;

export const DRIFT_METHODS = {
  runDrift: method<DriftReport>()(
    z.strictObject({ asOf: IsoTime.optional() }),
    "Runs every drift check with the settings' rules file and price table; progress arrives as `driftProgress` events.",
  ),
  scanPii: method<PiiScanResult>()(z.strictObject({}), 'Scans the free text of every call for PII and secrets; findings carry masked values only.'),
};
