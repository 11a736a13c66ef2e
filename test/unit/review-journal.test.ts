import { describe, expect, it } from 'vitest';
import { parseJournalText } from '../../shared/review/journal-text';
import { makeLabelEvent, serializeLabelEvent, validateLabelEvent, type LabelEvent } from '../../shared/review/label-event';
import { mergeJournalEntries } from '../../shared/review/merge-journals';
import { replayLabels } from '../../shared/review/replay';

const event = (over: Partial<LabelEvent> & { request_id: string }): LabelEvent => ({ verdict: 'fail', note: null, expected: null, reviewer: 'alice', labeled_at: '2026-11-04T10:00:00.000Z', ...over });
const journal = (...events: LabelEvent[]) => events.map(serializeLabelEvent).join('\n') + '\n';

describe('label events', () => {
  it('are written with the journal key order, the reason last and only when given', () => {
    const made = makeLabelEvent({ reason: 'hallucination', expected: 'Refunds take 5 days', note: 'made up', reviewer: ' alice ', verdict: 'fail', request_id: 'r1' }, new Date('2026-11-04T10:00:00Z'));
    expect(made.ok).toBe(true);
    const line = serializeLabelEvent((made as { value: LabelEvent }).value);
    expect(line).toBe('{"request_id":"r1","verdict":"fail","note":"made up","expected":"Refunds take 5 days","reviewer":"alice","labeled_at":"2026-11-04T10:00:00.000Z","reason":"hallucination"}');
    const pass = makeLabelEvent({ request_id: 'r1', verdict: 'pass', reviewer: 'bob' }, new Date('2026-11-04T10:00:00Z'));
    expect(Object.keys((pass as { value: LabelEvent }).value)).toEqual(['request_id', 'verdict', 'note', 'expected', 'reviewer', 'labeled_at']);
  });

  it.each([
    [{ verdict: 'maybe' }, /verdict must be/],
    [{ request_id: '' }, /request_id must be/],
    [{ reviewer: '  ' }, /reviewer must be/],
    [{ labeled_at: 'yesterday' }, /labeled_at must be/],
    [{ note: 3 }, /note must be/],
    [{ reason: 'bad_vibes' }, /reason must be one of/],
    [{ verdict: 'pass', reason: 'format' }, /goes with verdict "fail" only/],
    [{ extra: 1 }, /unknown field "extra"/],
  ])('rejects %j', (change, message) => {
    const checked = validateLabelEvent({ ...event({ request_id: 'r1' }), ...change });
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.error.message).toMatch(message);
  });

  it('accepts a clearing event (verdict null) and treats empty text as none', () => {
    const checked = validateLabelEvent({ ...event({ request_id: 'r1' }), verdict: null, note: '' });
    expect(checked).toEqual({ ok: true, value: { ...event({ request_id: 'r1' }), verdict: null, note: null } });
  });
});

describe('journal text', () => {
  it('reports a torn last line with its number and keeps every complete line', () => {
    const text = journal(event({ request_id: 'r1' }), event({ request_id: 'r2' })) + '{"request_id":"r3","verd';
    const parsed = parseJournalText(text, 'j.jsonl');
    expect(parsed.entries.map((e) => [e.event.request_id, e.line])).toEqual([['r1', 1], ['r2', 2]]);
    expect(parsed.problems).toEqual([{ source: 'j.jsonl', line: 3, reason: 'torn last line (a write cut short), skipped' }]);
  });

  it('skips blank lines, reads a BOM and CRLF, and reports bad lines in the middle', () => {
    const text = '\uFEFF' + serializeLabelEvent(event({ request_id: 'r1' })) + '\r\n\r\n{oops\n[1]\n' + serializeLabelEvent(event({ request_id: 'r2' })) + '\n';
    const parsed = parseJournalText(text, 'j');
    expect(parsed.entries.map((e) => [e.event.request_id, e.line])).toEqual([['r1', 1], ['r2', 5]]);
    expect(parsed.problems.map((p) => [p.line, p.reason])).toEqual([[3, 'invalid JSON, skipped'], [4, 'a label event is a JSON object, skipped']]);
  });

  it('accepts a complete last line without a newline', () => {
    expect(parseJournalText(serializeLabelEvent(event({ request_id: 'r1' })), 'j').problems).toEqual([]);
  });
});

describe('replay', () => {
  it('keeps the latest event per call and reviewer, by time, whatever the line order', () => {
    const text = journal(
      event({ request_id: 'r1', verdict: 'pass', labeled_at: '2026-11-04T12:00:00Z' }),
      event({ request_id: 'r1', verdict: 'fail', labeled_at: '2026-11-04T11:00:00Z' }),
      event({ request_id: 'r1', reviewer: 'bob', verdict: 'fail', labeled_at: '2026-11-04T09:00:00Z' }),
    );
    const labels = replayLabels(parseJournalText(text, 'j').entries);
    expect(labels.map((l) => [l.request_id, l.reviewer, l.verdict])).toEqual([['r1', 'alice', 'pass'], ['r1', 'bob', 'fail']]);
  });

  it('lets the later line win between events of the same time', () => {
    const labels = replayLabels(parseJournalText(journal(event({ request_id: 'r1', verdict: 'pass' }), event({ request_id: 'r1', verdict: 'fail', note: 'second' })), 'j').entries);
    expect(labels).toHaveLength(1);
    expect(labels[0]).toMatchObject({ verdict: 'fail', note: 'second' });
  });

  it('drops a label cleared by a later event, and a later label brings it back', () => {
    const cleared = journal(event({ request_id: 'r1' }), event({ request_id: 'r1', verdict: null, labeled_at: '2026-11-04T10:01:00Z' }));
    expect(replayLabels(parseJournalText(cleared, 'j').entries)).toEqual([]);
    const relabeled = cleared + journal(event({ request_id: 'r1', verdict: 'pass', labeled_at: '2026-11-04T10:02:00Z' }));
    expect(replayLabels(parseJournalText(relabeled, 'j').entries).map((l) => l.verdict)).toEqual(['pass']);
  });

  it('merging journals gives one journal that replays to the same labels, with copies written once', () => {
    const a = journal(event({ request_id: 'r1', labeled_at: '2026-11-04T10:00:00Z' }), event({ request_id: 'r2', verdict: 'pass', labeled_at: '2026-11-04T10:05:00Z' }));
    const b = journal(event({ request_id: 'r1', reviewer: 'bob', verdict: 'pass', labeled_at: '2026-11-04T10:02:00Z' }), event({ request_id: 'r1', labeled_at: '2026-11-04T10:00:00Z' }));
    const entries = [...parseJournalText(a, 'a').entries, ...parseJournalText(b, 'b').entries];
    const merged = mergeJournalEntries(entries);
    expect(merged.events).toBe(3);
    expect(merged.duplicates).toBe(1);
    const times = merged.text.trim().split('\n').map((l) => (JSON.parse(l) as LabelEvent).labeled_at);
    expect(times).toEqual([...times].sort());
    expect(replayLabels(parseJournalText(merged.text, 'c').entries).map(({ seq: _seq, ...l }) => l)).toEqual(replayLabels(entries).map(({ seq: _seq, ...l }) => l));
  });
});
