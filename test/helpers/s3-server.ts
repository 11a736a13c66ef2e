import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { tempDir } from './temp';

/** Test credentials: the secret is distinctive so a test can prove it never leaks. */
export const TEST_CREDENTIALS = {
  accessKeyId: 'AKIATRACELENSTEST0001',
  secretAccessKey: 'tlSecret/9f3Kq7ZxW2vB8nLm4Rt6Yp1Hd5Gc0Ej',
};

/** Environment for a process that talks to the test server: credentials only from env, no shared files, no instance metadata. */
export function s3TestEnv(home: string): Record<string, string> {
  return {
    AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
    AWS_REGION: 'us-east-1',
    AWS_CONFIG_FILE: `${home}/no-aws-config`,
    AWS_SHARED_CREDENTIALS_FILE: `${home}/no-aws-credentials`,
    AWS_EC2_METADATA_DISABLED: 'true',
  };
}

export interface S3TestServer {
  readonly port: number;
  readonly endpoint: string;
  readonly client: S3Client;
  put(bucket: string, key: string, body: string | Uint8Array): Promise<string>;
  /** Writes `count` objects `PREFIX000000.jsonl`... through the server's store; `{i}` in the body becomes the number. */
  fill(bucket: string, prefix: string, count: number, body: string): Promise<void>;
  /** Uploads many objects, a few at a time. */
  putAll(bucket: string, objects: readonly { key: string; body: string | Uint8Array }[], concurrency?: number): Promise<void>;
  stop(): Promise<void>;
}

/** The child's stdout, one JSON answer per line, in order. */
function answers(child: ChildProcess): () => Promise<Record<string, number>> {
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const waiting: { resolve: (v: Record<string, number>) => void; reject: (e: Error) => void }[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => waiting.shift()?.resolve(JSON.parse(line) as Record<string, number>));
  child.once('exit', (code) => waiting.splice(0).forEach((w) => w.reject(new Error(`s3rver exited with ${code}: ${stderr}`))));
  return () => new Promise((resolve, reject) => waiting.push({ resolve, reject }));
}

/** Starts s3rver in a child process on 127.0.0.1 with the given buckets (path-style addressing only). */
export async function startS3Server(buckets: readonly string[]): Promise<S3TestServer> {
  process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';
  const { dir, cleanup } = await tempDir('tracelens-s3rver-');
  const script = fileURLToPath(new URL('./s3-server-child.mjs', import.meta.url));
  const child = spawn(process.execPath, ['--openssl-legacy-provider', script, dir, TEST_CREDENTIALS.accessKeyId, buckets.join(',')], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const next = answers(child);
  const { port } = (await next()) as { port: number };
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new S3Client({ endpoint, forcePathStyle: true, region: 'us-east-1', credentials: TEST_CREDENTIALS });
  const put = async (bucket: string, key: string, body: string | Uint8Array) => {
    const out = await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
    return out.ETag ?? '';
  };
  return {
    port,
    endpoint,
    client,
    put,
    async fill(bucket, prefix, count, body) {
      const answer = next();
      child.stdin!.write(JSON.stringify({ fill: { bucket, prefix, count, body } }) + '\n');
      await answer;
    },
    async putAll(bucket, objects, concurrency = 16) {
      let next = 0;
      const worker = async () => {
        while (next < objects.length) {
          const object = objects[next++]!;
          await put(bucket, object.key, object.body);
        }
      };
      await Promise.all(Array.from({ length: concurrency }, worker));
    },
    async stop() {
      client.destroy();
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.stdin!.end();
      await exited;
      await cleanup();
    },
  };
}
