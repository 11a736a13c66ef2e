import type { PiiKind } from '../../shared/pii';

/** A text and the one sensitive value a detector must find in it. */
export interface PiiPositive {
  readonly kind: PiiKind;
  readonly text: string;
  readonly value: string;
}

const sk48 = 'sk-' + 'T3BlbkFJ'.repeat(6);
const skProj = 'sk-proj-' + 'Ab3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0eF3hI6kL9nO2qR5tU8wX1zA4cD7fG0iJ3lM6oP9rS2uV5xY8';
const skAnt = 'sk-ant-api03-' + 'q1W2e3R4t5Y6u7I8o9P0a1S2d3F4g5H6j7K8l9Z0x1C2v3B4n5M6q7W8e9R0t1Y2u3I4o5P6a7S8d9F0g1H2j3K4l5Z6x7C8v9B0nAA';

export const PII_POSITIVES: readonly PiiPositive[] = [
  // Card numbers: the networks' published test numbers, in the ways people write them.
  { kind: 'pan', text: 'card 4111111111111111 exp 12/25', value: '4111111111111111' },
  { kind: 'pan', text: 'Card: 4111 1111 1111 1111.', value: '4111 1111 1111 1111' },
  { kind: 'pan', text: 'pay with 4111-1111-1111-1111, thanks', value: '4111-1111-1111-1111' },
  { kind: 'pan', text: 'visa13=4222222222222;', value: '4222222222222' },
  { kind: 'pan', text: 'visa19 4111111111111111110', value: '4111111111111111110' },
  { kind: 'pan', text: 'mc 5555 5555 5555 4444', value: '5555 5555 5555 4444' },
  { kind: 'pan', text: 'mc2 2223003122003222', value: '2223003122003222' },
  { kind: 'pan', text: 'amex 3782 822463 10005', value: '3782 822463 10005' },
  { kind: 'pan', text: 'amex 371449635398431', value: '371449635398431' },
  { kind: 'pan', text: 'discover 6011-0009-9013-9424', value: '6011-0009-9013-9424' },
  { kind: 'pan', text: 'diners 3056 930902 5904', value: '3056 930902 5904' },
  { kind: 'pan', text: 'jcb 3530111333300000', value: '3530111333300000' },
  { kind: 'pan', text: 'unionpay 6200000000000005', value: '6200000000000005' },
  { kind: 'pan', text: 'maestro 6759649826438453', value: '6759649826438453' },
  { kind: 'pan', text: 'mir 2200000000000004', value: '2200000000000004' },
  { kind: 'pan', text: 'on 2026-01-15 4111 1111 1111 1111 was charged', value: '4111 1111 1111 1111' },
  { kind: 'pan', text: '"card":"4012888888881881"', value: '4012888888881881' },
  // SSNs: valid area, group and serial.
  { kind: 'ssn', text: 'SSN 536-22-8174', value: '536-22-8174' },
  { kind: 'ssn', text: 'ssn:001-01-0001.', value: '001-01-0001' },
  { kind: 'ssn', text: 'my social is 772-45-1290, ok', value: '772-45-1290' },
  { kind: 'ssn', text: '(899-99-9998)', value: '899-99-9998' },
  // Email addresses.
  { kind: 'email', text: 'write to john.doe@example.com.', value: 'john.doe@example.com' },
  { kind: 'email', text: '<First.Last+tag@sub.example.co.uk>', value: 'First.Last+tag@sub.example.co.uk' },
  { kind: 'email', text: 'a@b.io', value: 'a@b.io' },
  { kind: 'email', text: 'user_1%x@mail-server.example.org;', value: 'user_1%x@mail-server.example.org' },
  // Secrets reported as api_key.
  { kind: 'api_key', text: `OPENAI_API_KEY=${sk48}`, value: sk48 },
  { kind: 'api_key', text: `key "${skProj}" leaked`, value: skProj },
  { kind: 'api_key', text: `x-api-key: ${skAnt}`, value: skAnt },
  { kind: 'api_key', text: 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE', value: 'AKIAIOSFODNN7EXAMPLE' },
  { kind: 'api_key', text: 'temp creds ASIAY34FZKBOKMUTVV7A expire', value: 'ASIAY34FZKBOKMUTVV7A' },
  {
    kind: 'api_key',
    text: 'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
    value: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
  },
  { kind: 'api_key', text: 'authorization: bearer ghp_16C7e42F292c6912E7710c838347Ae178B4a', value: 'ghp_16C7e42F292c6912E7710c838347Ae178B4a' },
  // Private key blocks.
  {
    kind: 'private_key',
    text: 'here:\n-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM9Oi\nZ1BjP5CE/Wm/Rr500P\n-----END RSA PRIVATE KEY-----\nthanks',
    value: '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM9Oi\nZ1BjP5CE/Wm/Rr500P\n-----END RSA PRIVATE KEY-----',
  },
  {
    kind: 'private_key',
    text: '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n-----END OPENSSH PRIVATE KEY-----',
    value: '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n-----END OPENSSH PRIVATE KEY-----',
  },
  {
    kind: 'private_key',
    text: 'pem: -----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC',
    value: '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC',
  },
  {
    kind: 'private_key',
    text: '-----BEGIN ENCRYPTED PRIVATE KEY-----MIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG9w0BBQwwHAQI-----END ENCRYPTED PRIVATE KEY----- ok',
    value: '-----BEGIN ENCRYPTED PRIVATE KEY-----MIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG9w0BBQwwHAQI-----END ENCRYPTED PRIVATE KEY-----',
  },
  // Phone numbers written as phone numbers.
  { kind: 'phone', text: 'call (415) 555-2671 today', value: '(415) 555-2671' },
  { kind: 'phone', text: 'phone: 415-555-2671', value: '415-555-2671' },
  { kind: 'phone', text: 'tel 415.555.2671.', value: '415.555.2671' },
  { kind: 'phone', text: 'cell +1 415 555 2671', value: '+1 415 555 2671' },
  { kind: 'phone', text: 'London office +44 20 7946 0958', value: '+44 20 7946 0958' },
  { kind: 'phone', text: 'whatsapp +4915123456789', value: '+4915123456789' },
];

/** Texts that look like PII to a careless regex and must not be flagged at all. */
export const PII_DECOYS: readonly { readonly why: string; readonly text: string }[] = [
  { why: '16 digits failing Luhn', text: 'card 4111 1111 1111 1112' },
  { why: '16 digits failing Luhn, contiguous', text: 'ref 4111111111111112' },
  { why: 'Luhn-valid but no card network', text: 'batch 9111111111111110' },
  { why: 'Luhn-valid 15 digits starting with 1', text: 'id 123456789012347' },
  { why: 'UPS tracking number', text: 'UPS 1Z999AA10123456784 shipped' },
  { why: 'USPS tracking number in groups of four', text: 'USPS 9400 1000 0000 0000 0000 00' },
  { why: 'FedEx tracking number', text: 'fedex 7489 4712 3904 in transit' },
  { why: 'grouped 20-digit reference', text: 'ref 4111 1111 1111 1111 1111' },
  { why: 'epoch milliseconds', text: 'ts=1700000000000' },
  { why: 'epoch microseconds', text: '"ts": 1700000000000001' },
  { why: 'ISO timestamp', text: '2026-11-27T03:00:58.123Z' },
  { why: 'date and time', text: 'at 2024-01-15 12:30:45 UTC' },
  { why: 'decimal with 16 fraction digits', text: 'score 0.4111111111111111' },
  { why: 'card digits inside an id', text: 'req_4111111111111111 and order-4111111111111111' },
  { why: 'order number', text: 'order #A-2024-000123, order 4155552671' },
  { why: 'dashed order number', text: 'ORD-415-555-2671' },
  { why: 'SSN area 000', text: 'ssn 000-12-3456' },
  { why: 'SSN area 666', text: 'ssn 666-12-3456' },
  { why: 'SSN area 9xx', text: 'ssn 900-12-3456 or 987-65-4321' },
  { why: 'SSN group 00', text: 'ssn 536-00-8174' },
  { why: 'SSN serial 0000', text: 'ssn 536-22-0000' },
  { why: 'SSN advertising number (Woolworth wallet)', text: 'ssn 078-05-1120' },
  { why: 'SSN advertising number (SSA pamphlet)', text: 'ssn 219-09-9999' },
  { why: 'SSN sample 123-45-6789', text: 'e.g. 123-45-6789' },
  { why: 'SSN-shaped part of a longer dashed number', text: 'part 1-536-22-8174 and 536-22-81745' },
  { why: 'no domain dot', text: 'user@localhost and @handle and foo@bar' },
  { why: 'numeric top-level domain', text: 'ip admin@10.0.0.1' },
  { why: 'sk- prose without digits', text: 'use sk-learn-for-classical-machine-learning' },
  { why: 'sk- inside a word', text: 'task-1234567890abcdefghijk' },
  { why: 'short sk- value', text: 'sk-abc123' },
  { why: 'AWS id too long', text: 'AKIAIOSFODNN7EXAMPLEX' },
  { why: 'AWS id glued to a word', text: 'xAKIAIOSFODNN7EXAMPLE' },
  { why: 'bearer in prose', text: 'the bearer of bad news; Bearer authentication-mechanisms-explained' },
  { why: 'short bearer', text: 'Authorization: Bearer abc123' },
  { why: 'certificate, not a key', text: '-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBa\n-----END CERTIFICATE-----' },
  { why: 'public key, not a private one', text: '-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8A\n-----END PUBLIC KEY-----' },
  { why: 'private key in prose', text: 'rotate the private key every 90 days' },
  { why: 'phone area code starting with 1', text: '(123) 555-2671' },
  { why: 'mixed separators', text: 'range 415-555 2671' },
  { why: 'version string', text: 'v415.555.2671 build' },
  { why: 'time with milliseconds', text: '12:30:45.123 and 03:00:58' },
];
