import { describe, expect, it } from 'vitest';
import { displayMask, findPii, maskDeep, maskText, PII_KINDS, type PiiKind } from '../../shared/pii';
import { PII_POSITIVES } from '../helpers/pii-samples';

const PLACEHOLDER: Record<PiiKind, string> = { pan: '[PAN]', ssn: '[SSN]', email: '[EMAIL]', api_key: '[SECRET]', private_key: '[SECRET]', phone: '[PHONE]' };

describe('maskText', () => {
  it.each(PII_POSITIVES)('replaces the $kind with its placeholder in $text', ({ kind, text, value }) => {
    const masked = maskText(text);
    expect(masked).toBe(text.replace(value, PLACEHOLDER[kind]));
    expect(masked).not.toContain(value);
  });

  it('masks several findings and leaves the rest of the text as it was', () => {
    expect(maskText('Hi, I am j.doe@example.com, card 4111 1111 1111 1111, ssn 536-22-8174.')).toBe('Hi, I am [EMAIL], card [PAN], ssn [SSN].');
    expect(maskText('Authorization: Bearer abcdefgh12345678ijkl')).toBe('Authorization: Bearer [SECRET]');
  });

  it('returns clean text unchanged', () => {
    const text = 'Refund of $12.50 for order 4155552671 on 2024-01-15 12:30:45.';
    expect(maskText(text)).toBe(text);
  });

  it('is idempotent', () => {
    const once = maskText('mail a@b.io key AKIAIOSFODNN7EXAMPLE');
    expect(maskText(once)).toBe(once);
  });
});

describe('maskDeep', () => {
  it('masks every string at any depth and keeps keys, numbers, booleans and null', () => {
    const value = {
      'contact@example.com': 'ok',
      note: 'mail contact@example.com',
      nested: { list: ['ssn 536-22-8174', 42, true, null, { card: '5555555555554444' }] },
      count: 3,
    };
    expect(maskDeep(value)).toEqual({
      'contact@example.com': 'ok',
      note: 'mail [EMAIL]',
      nested: { list: ['ssn [SSN]', 42, true, null, { card: '[PAN]' }] },
      count: 3,
    });
  });

  it('masks a card number logged as a JSON number, and no other number', () => {
    expect(maskDeep({ card: 4111111111111111, ts: 1700000000000, n: 4111111111111112 })).toEqual({ card: '[PAN]', ts: 1700000000000, n: 4111111111111112 });
  });

  it('does not change its input', () => {
    const value = { a: ['x@y.io'] };
    maskDeep(value);
    expect(value).toEqual({ a: ['x@y.io'] });
  });
});

describe('displayMask', () => {
  it.each([
    ['pan', '4111 1111 1111 1111', '4111 **** **** 1111'],
    ['pan', '4111-1111-1111-1111', '4111 **** **** 1111'],
    ['ssn', '536-22-8174', '***-**-8174'],
    ['email', 'john.doe@example.com', 'j***@example.com'],
    ['api_key', 'sk-ant-api03-q1W2e3R4t5Y6u7I8o9P0abcd', 'sk-ant-...abcd'],
    ['api_key', 'sk-proj-Ab3dE6gH9jK2mN5pQ8sT1vW4wxyz', 'sk-proj-...wxyz'],
    ['api_key', 'AKIAIOSFODNN7EXAMPLE', 'AKIA...MPLE'],
    ['api_key', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOjF9.sig9', '...sig9'],
    ['private_key', '-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----', '-----BEGIN RSA PRIVATE KEY-----...'],
    ['phone', '(415) 555-2671', '***-***-2671'],
  ] as const)('shows a %s as %s', (kind, raw, shown) => {
    expect(displayMask(kind, raw)).toBe(shown);
  });

  it.each(PII_POSITIVES)('never shows the whole $kind value', ({ kind, value }) => {
    const shown = displayMask(kind, value);
    expect(shown).not.toContain(value);
    expect(shown.replace(/\D/g, '')).not.toBe(value.replace(/\D/g, '').length > 4 ? value.replace(/\D/g, '') : '-');
  });

  it('shows something, never the raw text, for every kind, even for a value no detector would produce', () => {
    for (const kind of PII_KINDS) {
      const shown = displayMask(kind, 'x1y2');
      expect(shown.length).toBeGreaterThan(0);
      expect(shown).not.toContain('x1y2');
    }
  });

  it('masks what findPii found', () => {
    const text = 'card 4111 1111 1111 1111';
    const [m] = findPii(text);
    expect(displayMask(m!.kind, text.slice(m!.start, m!.end))).toBe('4111 **** **** 1111');
  });
});
