import { fromBase64, toBase64 } from './base64';

/**
 * JSON text for transports that cannot carry bytes (HTTP, server-sent events):
 * a Uint8Array (Arrow IPC) travels as `{"$bytes": "<base64>"}`. Electron IPC
 * clones values as they are and needs none of this.
 */
export function toWire(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v instanceof Uint8Array ? { $bytes: toBase64(v) } : v));
}

export function fromWire(text: string): unknown {
  return JSON.parse(text, (_key, v: unknown) => {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const keys = Object.keys(v);
      const bytes = (v as Record<string, unknown>)['$bytes'];
      if (keys.length === 1 && typeof bytes === 'string') return fromBase64(bytes);
    }
    return v;
  });
}
