import { S3Client } from '@aws-sdk/client-s3';
import { endpointUrl, needsPathStyle, type S3Settings } from './settings';

/** The region the SDK would pick by itself (AWS_REGION, the profile's `region`), if any. */
async function sdkDefaultRegion(): Promise<string | undefined> {
  const probe = new S3Client({});
  try {
    return await probe.config.region();
  } catch {
    return undefined;
  } finally {
    probe.destroy();
  }
}

/**
 * An S3 client with the SDK's standard credential chain (environment, shared config and
 * credentials files with AWS_PROFILE, SSO, web identity, container and instance roles).
 * With no region anywhere, us-east-1 is used and S3's redirects lead to the bucket's region.
 */
export async function createS3Client(settings: S3Settings): Promise<S3Client> {
  // The SDK prints a multi-line Node version notice on stderr; a CLI's stderr is for its own one-line messages.
  process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
  const endpoint = settings.endpoint === undefined ? undefined : endpointUrl(settings.endpoint);
  const region = settings.region ?? (await sdkDefaultRegion()) ?? 'us-east-1';
  return new S3Client({
    region,
    endpoint: settings.endpoint,
    forcePathStyle: settings.pathStyle === true || (endpoint !== undefined && needsPathStyle(endpoint)),
    followRegionRedirects: true,
    maxAttempts: 3,
    requestHandler: { connectionTimeout: 10_000, requestTimeout: 120_000 },
    // S3-compatible stores differ in which checksums they send and accept; ask only when the API requires it.
    ...(endpoint ? { requestChecksumCalculation: 'WHEN_REQUIRED' as const, responseChecksumValidation: 'WHEN_REQUIRED' as const } : {}),
  });
}
