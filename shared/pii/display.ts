import type { PiiKind } from './kinds';

const KEY_PREFIXES = ['sk-ant-', 'sk-proj-', 'sk-svcacct-', 'sk-admin-', 'sk-', 'AKIA', 'ASIA'];

function digitsOf(raw: string): string {
  return raw.replace(/\D/g, '');
}

/** `4111 **** **** 1111`: the issuer prefix and last four, as printed on receipts. */
function maskPan(raw: string): string {
  const digits = digitsOf(raw);
  if (digits.length < 12) return '****';
  const shown = digits.split('').map((d, i) => (i < 4 || i >= digits.length - 4 ? d : '*')).join('');
  return shown.replace(/(.{4})(?=.)/g, '$1 ');
}

function maskSsn(raw: string): string {
  return `***-**-${digitsOf(raw).slice(-4)}`;
}

function maskEmail(raw: string): string {
  const at = raw.lastIndexOf('@');
  if (at < 1) return '***';
  return `${raw.slice(0, 1)}***@${raw.slice(at + 1)}`;
}

/** `sk-ant-...abcd`: the kind of key and its last four, enough to find it in a key manager. */
function maskKey(raw: string): string {
  const prefix = KEY_PREFIXES.find((p) => raw.startsWith(p)) ?? '';
  const tail = raw.length - prefix.length >= 16 ? raw.slice(-4) : '';
  return `${prefix}...${tail}`;
}

function maskPrivateKey(raw: string): string {
  const header = /^-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----/.exec(raw);
  return `${header ? header[0] : '-----BEGIN PRIVATE KEY-----'}...`;
}

function maskPhone(raw: string): string {
  return `***-***-${digitsOf(raw).slice(-4)}`;
}

/** A finding as it may be shown (CLI output, UI, reports): recognisable, never the whole value. */
export function displayMask(kind: PiiKind, raw: string): string {
  switch (kind) {
    case 'pan':
      return maskPan(raw);
    case 'ssn':
      return maskSsn(raw);
    case 'email':
      return maskEmail(raw);
    case 'api_key':
      return maskKey(raw);
    case 'private_key':
      return maskPrivateKey(raw);
    case 'phone':
      return maskPhone(raw);
  }
}
