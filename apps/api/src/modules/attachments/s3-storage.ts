import type { S3Client, S3ClientConfig } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { PassThrough, type Readable } from 'node:stream';
import { EvidenceStorage, assertStorageKey } from './evidence-storage.js';

export interface S3StorageOptions {
  endpoint?: string;
  region: string;
  bucket: string;
  prefix?: string;
  forcePathStyle: boolean;
  accessKeyId?: string;
  secretAccessKey?: string;
}

/**
 * Evidence in an S3-compatible bucket (MinIO, OSS, COS, AWS). A PutObject is atomic (an object appears whole or not
 * at all) and carries the bytes' MD5, so the store refuses a body damaged on the way. Objects are private: files leave
 * only through the authorised download route, never by a bucket URL.
 */
export class S3Storage extends EvidenceStorage {
  // the AWS SDK (~24 MB resident once required) is loaded on the first use of the bucket, never by a process that
  // keeps evidence on local disk (docs/performance.md › Idle memory of the API process)
  private readonly clientConfig: S3ClientConfig;
  private connection: Promise<{ sdk: typeof import('@aws-sdk/client-s3'); client: S3Client }> | null = null;
  private client: S3Client | null = null;
  private readonly bucket: string;
  private readonly prefix: string;

  constructor(options: S3StorageOptions) {
    super();
    this.bucket = options.bucket;
    this.prefix = options.prefix ? `${options.prefix.replace(/\/+$/, '')}/` : '';
    this.clientConfig = {
      endpoint: options.endpoint,
      region: options.region,
      forcePathStyle: options.forcePathStyle,
      credentials:
        options.accessKeyId && options.secretAccessKey
          ? { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey }
          : undefined,
      // S3-compatible stores do not all know the SDK's newer default checksums: send them only where required
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      maxAttempts: 3,
    };
  }

  /** The SDK and the one client, loaded and made on the first call. */
  private s3(): Promise<{ sdk: typeof import('@aws-sdk/client-s3'); client: S3Client }> {
    this.connection ??= import('@aws-sdk/client-s3').then((sdk) => {
      this.client = new sdk.S3Client(this.clientConfig);
      return { sdk, client: this.client };
    });
    return this.connection;
  }

  private objectKey(key: string): string {
    assertStorageKey(key);
    return `${this.prefix}${key}`;
  }

  async put(key: string, data: Buffer): Promise<void> {
    const { sdk, client } = await this.s3();
    await client.send(
      new sdk.PutObjectCommand({
        Bucket: this.bucket,
        Key: this.objectKey(key),
        Body: data,
        ContentLength: data.length,
        ContentMD5: createHash('md5').update(data).digest('base64'),
        ContentType: 'application/octet-stream',
      }),
    );
  }

  open(key: string): Readable {
    const out = new PassThrough();
    let objectKey: string;
    try {
      objectKey = this.objectKey(key);
    } catch (error) {
      process.nextTick(() => out.destroy(error as Error));
      return out;
    }
    this.s3()
      .then(({ sdk, client }) => client.send(new sdk.GetObjectCommand({ Bucket: this.bucket, Key: objectKey })))
      .then(
        (response) => {
          const body = response.Body as Readable | undefined;
          if (!body) return out.destroy(new Error('empty object body'));
          body.on('error', (error) => out.destroy(error));
          out.on('close', () => body.destroy());
          body.pipe(out);
        },
        (error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))),
      );
    return out;
  }

  async remove(key: string): Promise<void> {
    // deleting a missing object succeeds in S3
    const objectKey = this.objectKey(key);
    const { sdk, client } = await this.s3();
    await client.send(new sdk.DeleteObjectCommand({ Bucket: this.bucket, Key: objectKey }));
  }

  /** Throws unless the bucket exists and the credentials may use it (readiness, and a clear error at start). */
  async check(): Promise<void> {
    const { sdk, client } = await this.s3();
    await client.send(new sdk.HeadBucketCommand({ Bucket: this.bucket }));
  }

  // Nest calls this on shutdown: the client keeps sockets open
  onModuleDestroy(): void {
    this.client?.destroy();
  }
}
