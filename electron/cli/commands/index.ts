import type { Command } from '../command';
import { demoDataCommand } from './demo-data';
import { driftCommand } from './drift';
import { exportGoldCommand } from './export-gold';
import { ingestCommand } from './ingest';
import { labelCommand } from './label';
import { labelsCommand } from './labels';
import { piiCommand } from './pii';
import { queuesCommand } from './queues';
import { sliceCommand } from './slice';

/** Every `tracelens` subcommand, in the order `tracelens --help` lists them. */
export const COMMANDS: readonly Command[] = [
  ingestCommand,
  sliceCommand,
  driftCommand,
  piiCommand,
  labelCommand,
  labelsCommand,
  queuesCommand,
  exportGoldCommand,
  demoDataCommand,
];
