import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { Readable } from 'node:stream';
import type { DownloadProgress, DownloadSummary } from '../../../shared/domain/download';
import { parseS3Uri, plainEtag, s3Uri, selectKeys, type S3Target } from '../../../shared/domain/s3-uri';
import { EngineError } from '../../engine/errors';
import type { FileToLoad } from '../../formats/load-file';
import { CutOffError, ObjectCache } from './cache';
import { createS3Client } from './client';
import { s3Error } from './errors';
import { headObject, listObjects, type S3ObjectInfo } from './list';
import { mapLimit } from './pool';
import { DEFAULT_CONCURRENCY, type S3Settings } from './settings';
import { s3CacheDir, userDirs } from '../../engine/user-dirs';

export interface S3SourceHooks {
  readonly onProgress?: (progress: DownloadProgress) => void;
}

/** Attempts per object when the connection drops mid-body (the SDK retries failed requests, not cut-off bodies). */
const DOWNLOAD_ATTEMPTS = 3;

/** s3:// SOURCE arguments as local files: lists what they name, downloads what the cache lacks. */
export class S3Source {
  private readonly tally = { objects: 0, bytes: 0, cached: 0 };
  private readonly cache: ObjectCache;

  constructor(
    private readonly settings: S3Settings,
    private readonly hooks: S3SourceHooks = {},
  ) {
    this.cache = new ObjectCache(s3CacheDir(settings.cacheDir ?? userDirs().cache), settings.endpoint ?? 'aws');
  }

  /** What was fetched so far; undefined when no s3:// source was opened. */
  summary(): DownloadSummary | undefined {
    return this.tally.objects === 0 ? undefined : { ...this.tally };
  }

  async resolve(uri: string): Promise<FileToLoad[]> {
    const parsed = parseS3Uri(uri);
    if (!parsed.ok) throw new EngineError(parsed.error.code, parsed.error.message);
    const target = parsed.value;
    const client = await createS3Client(this.settings);
    try {
      const objects = await this.objectsOf(client, target, uri);
      return await this.fetchAll(client, target.bucket, objects);
    } finally {
      client.destroy();
    }
  }

  private context(uri: string, bucket: string, key?: string, listing = false) {
    return { uri, bucket, key, listing, endpoint: this.settings.endpoint };
  }

  private async list(client: S3Client, uri: string, bucket: string, prefix: string): Promise<S3ObjectInfo[]> {
    try {
      return await listObjects(client, bucket, prefix, { pageSize: this.settings.pageSize });
    } catch (error) {
      throw s3Error(error, this.context(uri, bucket, undefined, true));
    }
  }

  private async objectsOf(client: S3Client, target: S3Target, uri: string): Promise<S3ObjectInfo[]> {
    if (target.kind === 'object') return this.objectOrFolder(client, target.bucket, target.key, uri);
    const listed = await this.list(client, uri, target.bucket, target.prefix);
    const objects = pick(listed, selectKeys(target, listed.map((o) => o.key)));
    if (objects.length === 0) {
      throw new EngineError(
        'not_found',
        target.kind === 'glob' ? `no object matches ${uri}` : `no trace dumps under ${uri} (.jsonl, .ndjson, .json, .gz or .parquet objects)`,
      );
    }
    return objects;
  }

  /** `s3://bucket/name` is the object `name`, or else every dump under `name/`, as a local path may be a file or a folder. */
  private async objectOrFolder(client: S3Client, bucket: string, key: string, uri: string): Promise<S3ObjectInfo[]> {
    try {
      return [await headObject(client, bucket, key)];
    } catch (error) {
      const mapped = s3Error(error, this.context(uri, bucket, key));
      if (mapped.code !== 's3_not_found') throw mapped;
      const folder = `${key}/`;
      const listed = await this.list(client, uri, bucket, folder);
      const objects = pick(listed, selectKeys({ kind: 'prefix', bucket, prefix: folder }, listed.map((o) => o.key)));
      if (objects.length === 0) throw mapped;
      return objects;
    }
  }

  private async fetchAll(client: S3Client, bucket: string, objects: readonly S3ObjectInfo[]): Promise<FileToLoad[]> {
    const cachedPaths = await Promise.all(objects.map((o) => this.cache.lookup(bucket, o.key, o.etag, o.size)));
    const progress: { -readonly [K in keyof DownloadProgress]: DownloadProgress[K] } = {
      objectsDone: 0,
      objectsTotal: objects.length,
      bytesDone: 0,
      bytesTotal: objects.reduce((sum, o, i) => sum + (cachedPaths[i] ? 0 : o.size), 0),
      cached: cachedPaths.filter(Boolean).length,
    };
    this.tally.objects += objects.length;
    this.tally.cached += progress.cached;
    const report = () => this.hooks.onProgress?.({ ...progress });
    const onBytes = (n: number) => {
      progress.bytesDone += n;
      this.tally.bytes += n;
      report();
    };
    report();
    const paths = await mapLimit(objects, this.settings.concurrency ?? DEFAULT_CONCURRENCY, async (object, index) => {
      const path = cachedPaths[index] ?? (await this.download(client, bucket, object, onBytes));
      progress.objectsDone += 1;
      report();
      return path;
    });
    return objects.map((o, i) => ({ path: paths[i]!, uri: s3Uri(bucket, o.key) }));
  }

  private async download(client: S3Client, bucket: string, object: S3ObjectInfo, onBytes: (n: number) => void): Promise<string> {
    const uri = s3Uri(bucket, object.key);
    for (let attempt = 1; ; attempt++) {
      let received = 0;
      const count = (n: number) => {
        received += n;
        onBytes(n);
      };
      try {
        const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key: object.key }));
        if (!(out.Body instanceof Readable)) throw new Error('the response has no body stream');
        // Named by the ETag of what is actually downloaded: the object may have changed since it was listed.
        return await this.cache.store(bucket, object.key, plainEtag(out.ETag) || object.etag, out.ContentLength, out.Body, count);
      } catch (error) {
        onBytes(-received);
        if (!(error instanceof CutOffError)) throw s3Error(error, this.context(uri, bucket, object.key));
        if (attempt >= DOWNLOAD_ATTEMPTS) {
          throw new EngineError('s3_unreachable', `the download of ${uri} was ${error.message} ${DOWNLOAD_ATTEMPTS} times; nothing of it was kept, try again`);
        }
      }
    }
  }
}

function pick(listed: readonly S3ObjectInfo[], keys: readonly string[]): S3ObjectInfo[] {
  const byKey = new Map(listed.map((o) => [o.key, o]));
  return keys.map((k) => byKey.get(k)!);
}
