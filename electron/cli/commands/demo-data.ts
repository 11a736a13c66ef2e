import { resolve } from 'node:path';
import { DEFAULT_DEMO } from '../../../shared/demo/generate';
import { parseIncidents } from '../../../shared/demo/incidents';
import { formatCount } from '../../../shared/domain/format-units';
import { writeDemoDataset } from '../../engine/demo-files';
import { flag, isoOption, stringOption } from '../args';
import type { Command, ParsedArgs } from '../command';
import { UsageError } from '../usage-error';

function positiveInt(args: ParsedArgs, name: string, fallback: number): number {
  const raw = stringOption(args, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new UsageError(`--${name} must be a positive whole number (got "${raw}")`);
  return value;
}

export const demoDataCommand: Command = {
  name: 'demo-data',
  summary: 'write a deterministic demo dataset (calls, scores, OTLP spans) with chosen incidents',
  usage: 'tracelens demo-data --out DIR [--incidents all|none|ID,...] [--days N] [--calls-per-day N] [--seed N] [--end ISO] [--json]',
  options: {
    out: { type: 'string' },
    incidents: { type: 'string' },
    days: { type: 'string' },
    'calls-per-day': { type: 'string' },
    seed: { type: 'string' },
    end: { type: 'string' },
  },
  async run(args, io) {
    const out = resolve(stringOption(args, 'out') ?? 'demo-data');
    let incidents;
    try {
      incidents = parseIncidents(stringOption(args, 'incidents') ?? 'all');
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const end = isoOption(args, 'end');
    const summary = await writeDemoDataset(out, {
      ...DEFAULT_DEMO,
      incidents,
      days: positiveInt(args, 'days', DEFAULT_DEMO.days),
      callsPerDay: positiveInt(args, 'calls-per-day', DEFAULT_DEMO.callsPerDay),
      seed: positiveInt(args, 'seed', DEFAULT_DEMO.seed),
      end: end ? new Date(end) : DEFAULT_DEMO.end,
    });
    if (flag(args, 'json')) io.stdout.write(JSON.stringify({ ...summary, incidents }) + '\n');
    else io.stdout.write(`Wrote ${formatCount(summary.calls)} calls, ${formatCount(summary.scores)} scores and ${formatCount(summary.otlpLines)} OTLP traces to ${summary.dir}\nIncidents: ${incidents.join(', ') || 'none'}\n`);
    return 0;
  },
};
