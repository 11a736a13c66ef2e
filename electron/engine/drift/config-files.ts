import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { parsePriceTable, PriceTableError } from '../../../shared/drift/price-table';
import { type DriftRules, resolveRules, RulesError } from '../../../shared/drift/rules';
import type { PriceTable } from '../../../shared/metrics/prices';
import { EngineError } from '../errors';

/** The user's drift rules file and price table, read for `tracelens drift` and the app's drift view. */

async function readText(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new EngineError('bad_input', `cannot read ${what} ${path}: ${code === 'ENOENT' ? 'no such file' : (code ?? 'unreadable')}`);
  }
}

/** A rules file, JSON or YAML (YAML is read for both: JSON is YAML). */
export async function loadRules(path: string | undefined): Promise<DriftRules> {
  if (path === undefined) return resolveRules(undefined);
  const text = await readText(path, 'rules file');
  let parsed: unknown;
  try {
    parsed = parseYaml(text);
  } catch (error) {
    throw new EngineError('bad_input', `rules file ${path} is not valid JSON or YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  try {
    return resolveRules(parsed);
  } catch (error) {
    if (error instanceof RulesError) throw new EngineError('bad_input', `rules file ${path}: ${error.message}`);
    throw error;
  }
}

export async function loadPrices(path: string | undefined): Promise<PriceTable | undefined> {
  if (path === undefined) return undefined;
  const text = await readText(path, 'price table');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    // V8 quotes the text around the mistake, line breaks included: the message must stay one line.
    throw new EngineError('bad_input', `price table ${path} is not valid JSON: ${(error as Error).message.replace(/\s*\n\s*/g, ' ')}`);
  }
  try {
    return parsePriceTable(parsed);
  } catch (error) {
    if (error instanceof PriceTableError) throw new EngineError('bad_input', `price table ${path}: ${error.message}`);
    throw error;
  }
}
