import { HeadObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { plainEtag } from '../../../shared/domain/s3-uri';

export interface S3ObjectInfo {
  readonly key: string;
  readonly etag: string;
  readonly size: number;
}

/** Every object under a prefix, following ListObjectsV2 continuation tokens page by page. */
export async function listObjects(client: S3Client, bucket: string, prefix: string, options: { pageSize?: number; onPage?: () => void } = {}): Promise<S3ObjectInfo[]> {
  const objects: S3ObjectInfo[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token, MaxKeys: options.pageSize }));
    options.onPage?.();
    for (const item of page.Contents ?? []) {
      // A key ending in "/" is a console-made folder marker, not data.
      if (item.Key === undefined || item.Key.endsWith('/')) continue;
      objects.push({ key: item.Key, etag: plainEtag(item.ETag), size: item.Size ?? 0 });
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return objects;
}

export async function headObject(client: S3Client, bucket: string, key: string): Promise<S3ObjectInfo> {
  const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
  return { key, etag: plainEtag(head.ETag), size: head.ContentLength ?? 0 };
}
