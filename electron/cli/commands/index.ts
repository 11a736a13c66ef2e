import type { Command } from '../command';
import { demoDataCommand } from './demo-data';
import { driftCommand } from './drift';
import { exportGoldCommand } from './export-gold';
import { ingestCommand } from './ingest';
import { labelCommand } from './label';
import { labelsCommand } from './labels';
import { openCommand } from './open';
import { piiCommand } from './pii';
import { queuesCommand } from './queues';
import { serveCommand } from './serve';
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
  serveCommand,
  openCommand,
];
