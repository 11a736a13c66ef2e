import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DEMO, generateDemo } from '../../shared/demo/generate';
import type { PiiFinding, PiiReport } from '../../shared/pii';
import { cli } from '../helpers/cli';
import { PII_DECOYS } from '../helpers/pii-samples';
import { tempDir, writeLines } from '../helpers/temp';

type Call = Record<string, unknown>;

const PAN = '4111 1111 1111 1111';
const PAN_IN_ARGS = '5555555555554444';
const SSN = '536-22-8174';
const EMAIL = 'jane.doe@example.com';
const EXTRA_EMAIL = 'ops-team@example.org';
const PHONE = '(415) 555-2671';
const AWS = 'AKIAIOSFODNN7EXAMPLE';
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
const ANTHROPIC = 'sk-ant-api03-q1W2e3R4t5Y6u7I8o9P0a1S2d3F4g5H6j7K8l9Z0x1C2v3B4n5M6';
const PEM = '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM9Oi\n-----END RSA PRIVATE KEY-----';
const RAW_VALUES = [PAN, PAN.replaceAll(' ', ''), PAN_IN_ARGS, SSN, EMAIL, EXTRA_EMAIL, PHONE, AWS, JWT, ANTHROPIC, 'MIIEowIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM9Oi'];

/** Where each planted value is, and what the scan must report for it. */
const EXPECTED: readonly Omit<PiiFinding, 'match'>[] = [
  { kind: 'pan', request_id: 'req_plant_input', field: 'input_preview' },
  { kind: 'email', request_id: 'req_plant_output', field: 'output_preview' },
  { kind: 'phone', request_id: 'req_plant_output', field: 'output_preview' },
  { kind: 'ssn', request_id: 'req_plant_messages', field: 'messages[1].content' },
  { kind: 'api_key', request_id: 'req_plant_metadata', field: 'metadata.customer.notes' },
  { kind: 'api_key', request_id: 'req_plant_metadata', field: 'metadata.headers[1]' },
  { kind: 'email', request_id: 'req_plant_metadata', field: 'metadata.contact_email' },
  { kind: 'pan', request_id: 'req_plant_tools', field: 'tool_calls[0].args.card' },
  { kind: 'ssn', request_id: 'req_plant_tools', field: 'tool_calls[1].args.customer.ssn' },
  { kind: 'private_key', request_id: 'req_plant_secrets', field: 'input_preview' },
  { kind: 'api_key', request_id: 'req_plant_secrets', field: 'output_preview' },
];

function plantedCalls(base: Call): Call[] {
  const call = (request_id: string, fields: Call): Call => ({ ...base, request_id, input_preview: 'hello', output_preview: 'hi', ...fields });
  return [
    call('req_plant_input', { input_preview: `Please charge card ${PAN} instead.` }),
    call('req_plant_output', { output_preview: `I emailed ${EMAIL} and will call you at ${PHONE}.` }),
    call('req_plant_messages', { messages: [{ role: 'system', content: 'You help with billing.' }, { role: 'user', content: `My SSN is ${SSN}` }] }),
    call('req_plant_metadata', {
      metadata: { customer: { notes: `rotated ${AWS} yesterday` }, headers: ['Accept: */*', `Authorization: Bearer ${JWT}`] },
      contact_email: EXTRA_EMAIL,
    }),
    call('req_plant_tools', {
      tool_calls: [
        { name: 'charge', arguments: JSON.stringify({ card: PAN_IN_ARGS, amount: 12.5 }), latency_ms: 20 },
        { name: 'verify', args: { customer: { ssn: SSN } }, latency_ms: 30 },
      ],
    }),
    call('req_plant_secrets', { input_preview: `here is my key:\n${PEM}\nthanks`, output_preview: `Use ${ANTHROPIC} for the API.` }),
    // Ids and hashes are not free text: nothing here may be reported.
    call(PAN.replaceAll(' ', ''), { trace_id: SSN, messages_hash: EMAIL, response_hash: AWS, span_id: '4012888888881881' }),
  ];
}

function decoyCalls(base: Call): Call[] {
  return PII_DECOYS.map((d, i) => ({
    ...base,
    request_id: `req_decoy_${i}`,
    input_preview: d.text,
    output_preview: d.text,
    metadata: { note: d.text, nested: [d.text] },
    tool_calls: [{ name: 'lookup', arguments: JSON.stringify({ q: d.text }) }],
  }));
}

const key = (f: Omit<PiiFinding, 'match'>): string => `${f.kind} ${f.request_id} ${f.field}`;

describe('tracelens pii', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let dump: string;
  let clean: string;
  let total: number;
  let demoCalls: number;

  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir());
    const demo = [...generateDemo({ ...DEFAULT_DEMO, days: 2, callsPerDay: 300, incidents: [] })].filter((r) => r.kind === 'call').map((r) => r.value);
    const calls = [...demo, ...plantedCalls(demo[0]!), ...decoyCalls(demo[0]!)];
    total = calls.length;
    demoCalls = demo.length;
    dump = await writeLines(join(dir, 'calls.jsonl'), calls);
    clean = await writeLines(join(dir, 'clean.jsonl'), demo);
  });
  afterAll(() => cleanup());

  it('finds every planted value with its request and field, flags no decoy, and exits 1', async () => {
    const result = await cli('pii', dump, '--json');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as PiiReport;
    expect(Object.keys(report)).toEqual(['findings', 'counts', 'rows_scanned']);
    expect(report.rows_scanned).toBe(total);
    expect(report.findings.map(key).sort()).toEqual(EXPECTED.map(key).sort());
    expect(report.counts).toEqual({ pan: 2, ssn: 2, email: 2, api_key: 3, private_key: 1, phone: 1 });
    for (const f of report.findings) expect(Object.keys(f)).toEqual(['kind', 'request_id', 'field', 'match']);
    expect(report.findings.find((f) => f.request_id === 'req_plant_input')!.match).toBe('4111 **** **** 1111');
    expect(report.findings.find((f) => f.kind === 'ssn')!.match).toBe('***-**-8174');
  });

  it('never prints a raw value, in JSON or in the table', async () => {
    for (const args of [['--json'], []]) {
      const { stdout, stderr } = await cli('pii', dump, ...args);
      for (const raw of RAW_VALUES) {
        expect(stdout).not.toContain(raw);
        expect(stderr).not.toContain(raw);
      }
    }
  });

  it('prints a table and a summary line', async () => {
    const { code, stdout } = await cli('pii', dump);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^kind\s+request_id\s+field\s+match\n/);
    expect(stdout).toMatch(/^pan +req_plant_tools +tool_calls\[0\]\.args\.card +5555 \*\*\*\* \*\*\*\* 4444$/m);
    expect(stdout).toContain(`11 finding(s) in ${total.toLocaleString('en-US')} calls: pan 2, ssn 2, email 2, api_key 3, private_key 1, phone 1`);
  });

  it('scans a saved workspace the same way', async () => {
    const db = join(dir, 'w.duckdb');
    expect((await cli('ingest', dump, '--db', db)).code).toBe(0);
    const result = await cli('pii', db, '--json');
    expect(result.code).toBe(1);
    expect((JSON.parse(result.stdout) as PiiReport).findings.map(key).sort()).toEqual(EXPECTED.map(key).sort());
  });

  it('limits the scan to the kinds asked for', async () => {
    const result = await cli('pii', dump, '--kind', 'ssn,private_key', '--json');
    const report = JSON.parse(result.stdout) as PiiReport;
    expect(report.findings.map((f) => f.kind).sort()).toEqual(['private_key', 'ssn', 'ssn']);
    expect(report.counts).toEqual({ pan: 0, ssn: 2, email: 0, api_key: 0, private_key: 1, phone: 0 });
  });

  it('exits 0 on a clean dump', async () => {
    const result = await cli('pii', clean, '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ findings: [], counts: { pan: 0, ssn: 0, email: 0, api_key: 0, private_key: 0, phone: 0 }, rows_scanned: demoCalls });
    expect((await cli('pii', clean)).stdout).toBe(`No PII or secrets found in ${demoCalls.toLocaleString('en-US')} calls.\n`);
  });

  it('exits 2 with one line on usage and input errors', async () => {
    for (const args of [[], [dump, '--kind', 'passport'], [join(dir, 'missing.jsonl')]]) {
      const result = await cli('pii', ...args);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('prints hostile ids and keys without terminal control or bidi characters', async () => {
    const hostile = await writeLines(join(dir, 'hostile.jsonl'), [
      { request_id: 'req\u001b[31m\u202e', ts: '2026-01-01T00:00:00Z', input_preview: `mail ${EMAIL}`, metadata: { 'k\u001b]0;x\u0007': `ssn ${SSN}` } },
    ]);
    const { code, stdout } = await cli('pii', hostile);
    expect(code).toBe(1);
    // eslint-disable-next-line no-control-regex
    expect(stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u202a-\u202e\u2066-\u2069]/);
    expect(stdout).toContain('req\\u{001b}[31m\\u{202e}');
  });
});
