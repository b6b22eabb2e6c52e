import type { AppConfig } from '../../config/app-config.js';
import { EvidenceStorage, LocalDiskStorage } from './evidence-storage.js';
import { S3Storage } from './s3-storage.js';

/** The evidence storage the configuration names: the folder UPLOAD_DIR, or an S3-compatible bucket. */
export function createEvidenceStorage(config: EvidenceStorageConfig): EvidenceStorage {
  if (config.EVIDENCE_STORAGE === 's3') {
    return new S3Storage({
      endpoint: config.S3_ENDPOINT,
      region: config.S3_REGION,
      bucket: config.S3_BUCKET!,
      prefix: config.S3_PREFIX,
      forcePathStyle: config.S3_FORCE_PATH_STYLE,
      accessKeyId: config.S3_ACCESS_KEY_ID,
      secretAccessKey: config.S3_SECRET_ACCESS_KEY,
    });
  }
  return new LocalDiskStorage(config.UPLOAD_DIR);
}

export type EvidenceStorageConfig = Pick<
  AppConfig,
  | 'EVIDENCE_STORAGE'
  | 'UPLOAD_DIR'
  | 'S3_ENDPOINT'
  | 'S3_REGION'
  | 'S3_BUCKET'
  | 'S3_PREFIX'
  | 'S3_FORCE_PATH_STYLE'
  | 'S3_ACCESS_KEY_ID'
  | 'S3_SECRET_ACCESS_KEY'
>;
