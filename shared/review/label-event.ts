import { err, ok, type Result } from '../api/result';

export const VERDICTS = ['pass', 'fail'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** Why a call failed review: a small taxonomy, so failures can be counted by kind. */
export const FAILURE_REASONS = ['hallucination', 'wrong_policy', 'refusal', 'format', 'tool_misuse', 'other'] as const;
export type FailureReason = (typeof FAILURE_REASONS)[number];

/**
 * One line of the label journal. `verdict: null` clears the reviewer's label on
 * the call. Keys are written in this order (design section 6), `reason` last and
 * only when given.
 */
export interface LabelEvent {
  readonly request_id: string;
  readonly verdict: Verdict | null;
  readonly note: string | null;
  readonly expected: string | null;
  readonly reviewer: string;
  /** ISO 8601 UTC. */
  readonly labeled_at: string;
  readonly reason?: FailureReason;
}

/** What a reviewer gives; the time is added when the event is made. */
export interface LabelInput {
  readonly request_id: string;
  readonly verdict: Verdict | null;
  readonly note?: string | null;
  readonly expected?: string | null;
  readonly reviewer: string;
  readonly reason?: FailureReason | null;
}

const KEYS = new Set(['request_id', 'verdict', 'note', 'expected', 'reviewer', 'labeled_at', 'reason']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalText(value: unknown): string | null | undefined {
  if (value === undefined || value === null) return null;
  return typeof value === 'string' ? (value === '' ? null : value) : undefined;
}

export function isVerdict(value: unknown): value is Verdict {
  return VERDICTS.includes(value as Verdict);
}

export function isFailureReason(value: unknown): value is FailureReason {
  return FAILURE_REASONS.includes(value as FailureReason);
}

/** Checks a journal record (or a reviewer's input with its time) and returns it with the journal's key order. */
export function validateLabelEvent(value: unknown): Result<LabelEvent> {
  if (!isRecord(value)) return err('bad_input', 'a label event is a JSON object');
  const unknown = Object.keys(value).filter((k) => !KEYS.has(k));
  if (unknown.length > 0) return err('bad_input', `unknown field "${unknown[0]}"`);
  const { request_id: requestId, verdict, reviewer, labeled_at: labeledAt, reason } = value;
  if (typeof requestId !== 'string' || requestId.trim() === '') return err('bad_input', 'request_id must be a non-empty string');
  if (!('verdict' in value) || (verdict !== null && !isVerdict(verdict))) return err('bad_input', 'verdict must be "pass", "fail" or null (clears the label)');
  if (typeof reviewer !== 'string' || reviewer.trim() === '') return err('bad_input', 'reviewer must be a non-empty string');
  if (typeof labeledAt !== 'string' || Number.isNaN(Date.parse(labeledAt))) return err('bad_input', 'labeled_at must be an ISO 8601 time');
  const note = optionalText(value['note']);
  const expected = optionalText(value['expected']);
  if (note === undefined) return err('bad_input', 'note must be a string or null');
  if (expected === undefined) return err('bad_input', 'expected must be a string or null');
  if (reason !== undefined && reason !== null && !isFailureReason(reason)) return err('bad_input', `reason must be one of: ${FAILURE_REASONS.join(', ')}`);
  if (reason && verdict !== 'fail') return err('bad_input', 'a failure reason goes with verdict "fail" only');
  const event: LabelEvent = { request_id: requestId, verdict, note, expected, reviewer: reviewer.trim(), labeled_at: labeledAt };
  return ok(reason ? { ...event, reason } : event);
}

/** A new event from a reviewer's input, stamped with `now`. */
export function makeLabelEvent(input: LabelInput, now: Date): Result<LabelEvent> {
  return validateLabelEvent({ ...input, labeled_at: now.toISOString(), reason: input.reason ?? undefined });
}

/** The journal line of an event (no newline), keys in the journal's order. */
export function serializeLabelEvent(event: LabelEvent): string {
  const ordered: Record<string, unknown> = {
    request_id: event.request_id,
    verdict: event.verdict,
    note: event.note,
    expected: event.expected,
    reviewer: event.reviewer,
    labeled_at: event.labeled_at,
  };
  if (event.reason) ordered['reason'] = event.reason;
  return JSON.stringify(ordered);
}
