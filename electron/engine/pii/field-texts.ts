import { jsonTexts, jsonTextsOf, type JsonText } from '../../../shared/pii';
import type { CandidateRow } from './candidates';

/**
 * A tool call's arguments as logged: an object, or a JSON string of one (OpenAI's
 * `arguments`), sometimes encoded twice. Decoded as far as it parses; what does not
 * parse is scanned as text.
 */
function decodeArgs(arg: unknown): unknown {
  for (let i = 0; i < 2 && typeof arg === 'string' && /^\s*["[{]/.test(arg); i++) {
    try {
      arg = JSON.parse(arg);
    } catch {
      break;
    }
  }
  return arg;
}

function toolArgTexts(json: string): JsonText[] {
  let args: unknown;
  try {
    args = JSON.parse(json);
  } catch {
    return [{ path: 'tool_calls', text: json }];
  }
  if (!Array.isArray(args)) return jsonTexts('tool_calls', args);
  return args.flatMap((arg, i) => jsonTexts(`tool_calls[${i}].args`, decodeArgs(arg)));
}

/** The free texts of a candidate row, each with the field it came from. */
export function fieldTexts(row: CandidateRow): JsonText[] {
  const out: JsonText[] = [];
  if (row.input_preview !== null) out.push({ path: 'input_preview', text: row.input_preview });
  if (row.output_preview !== null) out.push({ path: 'output_preview', text: row.output_preview });
  if (row.messages !== null) out.push(...jsonTextsOf('messages', row.messages));
  if (row.metadata !== null) out.push(...jsonTextsOf('metadata', row.metadata));
  if (row.tool_args !== null) out.push(...toolArgTexts(row.tool_args));
  return out;
}
