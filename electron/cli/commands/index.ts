import type { Command } from '../command';
import { demoDataCommand } from './demo-data';
import { ingestCommand } from './ingest';
import { openCommand } from './open';
import { serveCommand } from './serve';
import { sliceCommand } from './slice';

/** Every `tracelens` subcommand, in the order `tracelens --help` lists them. */
export const COMMANDS: readonly Command[] = [ingestCommand, sliceCommand, demoDataCommand, serveCommand, openCommand];
