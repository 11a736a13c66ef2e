// A real S3-compatible server (s3rver) for the tests, run in its own process so its
// legacy cipher (DES continuation tokens) can have OpenSSL's legacy provider.
// argv: DIRECTORY ACCESS_KEY_ID BUCKET[,BUCKET...]; prints {"port": N} once listening.
// stdin takes one JSON command per line: {"fill": {"bucket", "prefix", "count", "body"}} writes
// `count` objects through the server's own store (thousands in seconds, not minutes of PUTs)
// and answers {"filled": count}. The server stops when stdin closes.
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';

const require = createRequire(import.meta.url);
const S3rver = require('s3rver');
const S3Object = require('s3rver/lib/models/object');
const { DUMMY_ACCOUNT } = require('s3rver/lib/models/account');

const [directory, accessKeyId, buckets] = process.argv.slice(2);
// s3rver checks the access key id against its registry (it does not verify SigV4 signatures).
DUMMY_ACCOUNT.createKeyPair(accessKeyId, 'not-checked');

const server = new S3rver({
  address: '127.0.0.1',
  port: 0,
  silent: true,
  directory,
  vhostBuckets: false,
  configureBuckets: buckets.split(',').filter(Boolean).map((name) => ({ name })),
});
const { port } = await server.run();
process.stdout.write(JSON.stringify({ port }) + '\n');

async function fill({ bucket, prefix, count, body }) {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const key = `${prefix}${String(i).padStart(6, '0')}.jsonl`;
      await server.store.putObject(new S3Object(bucket, key, Buffer.from(body.replaceAll('{i}', String(i))), {}));
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  return count;
}

const commands = createInterface({ input: process.stdin });
commands.on('line', async (line) => {
  const command = JSON.parse(line);
  if (command.fill) process.stdout.write(JSON.stringify({ filled: await fill(command.fill) }) + '\n');
});
commands.on('close', () => server.close().finally(() => process.exit(0)));
