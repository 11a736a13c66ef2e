import { readFile, stat } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../shared/api/result';
import { Uploads, uploadName } from '../../electron/server/uploads';
import { type ApiServer, startApiServer } from '../helpers/api-server';
import { writeLines } from '../helpers/temp';

const exists = (path: string) => stat(path).then(() => true, () => false);

describe('upload file names', () => {
  it('keeps a plain name with its extensions and refuses paths and empty names', () => {
    expect(uploadName('calls.jsonl.gz')).toBe('calls.jsonl.gz');
    expect(uploadName('../../etc/passwd')).toBe('.._.._etc_passwd');
    expect(uploadName('C:\\logs\\a.jsonl')).toBe('C__logs_a.jsonl');
    expect(uploadName('a\u0000b\nc.jsonl')).toBe('a_b_c.jsonl');
    expect([uploadName(null), uploadName(''), uploadName('  '), uploadName('.'), uploadName('..'), uploadName('x'.repeat(201))]).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });
});

describe('browser mode uploads: files dropped on the page, copied to the engine', () => {
  let s: ApiServer;
  const uploads = new Uploads();
  const put = async (query: string, body: Blob | string, token = s.server.token): Promise<{ status: number; result: Result<{ path: string }> }> => {
    const response = await fetch(`http://127.0.0.1:${s.server.port}/api/upload${query}`, { method: 'PUT', headers: { Authorization: `Bearer ${token}` }, body });
    return { status: response.status, result: (await response.json()) as Result<{ path: string }> };
  };

  beforeAll(async () => {
    s = await startApiServer({ uploads });
  });
  afterAll(() => s?.close());

  it('stores the bytes under the given name and the copy opens like any dump', async () => {
    const calls = [1, 2, 3].map((i) => ({ request_id: `up-${i}`, ts: '2026-11-04T10:00:00Z', feature: 'faq', model: 'gpt-4o', tokens_in: 10 * i }));
    const gz = await readFile(await writeLines(join(s.dir, 'src.jsonl.gz'), calls, { gzip: true }));
    const { status, result } = await put('?name=dropped.jsonl.gz', new Blob([gz]));
    expect(status).toBe(200);
    if (!result.ok) throw new Error(result.error.message);
    expect(basename(result.value.path)).toBe('dropped.jsonl.gz');
    expect(await readFile(result.value.path)).toEqual(gz);
    const opened = await s.api.openSources({ sources: [result.value.path], mode: 'replace' });
    if (!opened.ok) throw new Error(opened.error.message);
    const info = await s.api.workspaceInfo({});
    expect(info.ok && info.value.report?.rows.calls).toBe(3);
  });

  it('gives two files of the same name their own copies', async () => {
    const first = await put('?name=calls.jsonl', '{"request_id":"a"}\n');
    const second = await put('?name=calls.jsonl', '{"request_id":"b"}\n');
    expect(first.result.ok && second.result.ok).toBe(true);
    if (!first.result.ok || !second.result.ok) return;
    expect(first.result.value.path).not.toBe(second.result.value.path);
    expect(await readFile(first.result.value.path, 'utf8')).toBe('{"request_id":"a"}\n');
  });

  it('refuses a request without the token, without a name, or not a PUT', async () => {
    expect((await put('?name=a.jsonl', 'x', 'wrong')).status).toBe(401);
    const nameless = await put('', 'x');
    expect(nameless.status).toBe(400);
    expect(nameless.result).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    const get = await fetch(`http://127.0.0.1:${s.server.port}/api/upload?name=a.jsonl`, { headers: { Authorization: `Bearer ${s.server.token}` } });
    expect(get.status).toBe(405);
  });

  it('deletes the copies when the server stops', async () => {
    const { result } = await put('?name=last.jsonl', '{"request_id":"z"}\n');
    if (!result.ok) throw new Error(result.error.message);
    const folder = dirname(dirname(result.value.path));
    expect(await exists(folder)).toBe(true);
    await s.close();
    expect(await exists(folder)).toBe(false);
  });
});
