import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '@zhenggai/devdb';
import S3rver from 's3rver';

export interface LocalS3 {
  endpoint: string;
  bucket: string;
  directory: string;
  env: Record<string, string>;
  close(): Promise<void>;
}

/** A real S3 server (s3rver) on a free local port with one empty bucket, its data in a temporary folder. */
export async function startLocalS3(bucket = 'zhenggai-evidence'): Promise<LocalS3> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'zg-s3-'));
  const port = await freePort();
  const server = new S3rver({
    address: '127.0.0.1',
    port,
    directory,
    silent: true,
    configureBuckets: [{ name: bucket }],
  });
  await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    directory,
    env: {
      EVIDENCE_STORAGE: 's3',
      S3_ENDPOINT: endpoint,
      S3_BUCKET: bucket,
      S3_FORCE_PATH_STYLE: 'true',
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
    },
    async close() {
      await server.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
