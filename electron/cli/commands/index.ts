import type { Command } from '../command';
import { demoDataCommand } from './demo-data';
import { driftCommand } from './drift';
import { ingestCommand } from './ingest';
import { piiCommand } from './pii';
import { sliceCommand } from './slice';

/** Every `tracelens` subcommand, in the order `tracelens --help` lists them. */
export const COMMANDS: readonly Command[] = [ingestCommand, sliceCommand, driftCommand, piiCommand, demoDataCommand];
