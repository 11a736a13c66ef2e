import { randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh secret per server launch: printed in the URL, required on every API call. */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/** `Authorization: Bearer TOKEN`, compared in constant time. */
export function hasToken(authorization: string | undefined, token: string): boolean {
  const match = /^Bearer ([A-Za-z0-9_-]{1,200})$/.exec(authorization ?? '');
  if (!match) return false;
  const given = Buffer.from(match[1]!);
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
