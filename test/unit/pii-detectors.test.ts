import { describe, expect, it } from 'vitest';
import { cardNetwork, findPii, luhnValid, ssnValid } from '../../shared/pii';
import { PII_DECOYS, PII_POSITIVES } from '../helpers/pii-samples';

describe('findPii', () => {
  it.each(PII_POSITIVES)('finds the $kind in $text', ({ kind, text, value }) => {
    const found = findPii(text).map((m) => ({ kind: m.kind, value: text.slice(m.start, m.end) }));
    expect(found).toEqual([{ kind, value }]);
  });

  it.each(PII_DECOYS)('flags nothing in a decoy: $why', ({ text }) => {
    expect(findPii(text)).toEqual([]);
  });

  it('reports every finding of a mixed text, in order, without overlaps', () => {
    const text = 'Mail j@x.io, card 5555555555554444, ssn 536-22-8174, call 415-555-2671 with Bearer sk-proj-Ab3dE6gH9jK2mN5pQ8sT1vW4';
    expect(findPii(text).map((m) => m.kind)).toEqual(['email', 'pan', 'ssn', 'phone', 'api_key']);
  });

  it('keeps the longer finding when two detectors claim the same text', () => {
    const text = 'Authorization: Bearer sk-proj-4111111111111111abcdefXYZ';
    const found = findPii(text);
    expect(found).toHaveLength(1);
    expect(found[0]!.kind).toBe('api_key');
    expect(text.slice(found[0]!.start, found[0]!.end)).toBe('sk-proj-4111111111111111abcdefXYZ');
  });

  it('masks a key block cut off before its END line up to the end of the text', () => {
    const text = 'a key: -----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIIGlRq… (truncated) more text';
    const [m] = findPii(text);
    expect(m).toMatchObject({ kind: 'private_key', end: text.length });
  });
});

describe('card validation', () => {
  it.each([
    ['4111111111111111', true],
    ['4111111111111112', false],
    ['79927398713', true],
    ['79927398710', false],
    ['', false],
  ])('luhnValid(%s) is %s', (digits, valid) => {
    expect(luhnValid(digits)).toBe(valid);
  });

  it.each([
    ['4111111111111111', 'visa'],
    ['5105105105105100', 'mastercard'],
    ['2720990000000007', 'mastercard'],
    ['378282246310005', 'amex'],
    ['6011111111111117', 'discover'],
    ['3566002020360505', 'jcb'],
    ['30569309025904', 'diners'],
    ['1234567812345670', undefined],
    ['341111111111111111', undefined],
  ])('cardNetwork(%s) is %s', (digits, network) => {
    expect(cardNetwork(digits)).toBe(network);
  });
});

describe('SSN validity rules', () => {
  it.each([
    ['536', '22', '8174', true],
    ['000', '22', '8174', false],
    ['666', '22', '8174', false],
    ['950', '22', '8174', false],
    ['536', '00', '8174', false],
    ['536', '22', '0000', false],
    ['078', '05', '1120', false],
    ['111', '11', '1111', false],
  ])('ssnValid(%s-%s-%s) is %s', (area, group, serial, valid) => {
    expect(ssnValid(area, group, serial)).toBe(valid);
  });
});
