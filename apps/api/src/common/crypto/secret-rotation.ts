import path from 'node:path';
import type { DataSource } from 'typeorm';
import { ConfigError, type AppConfig } from '../../config/app-config.js';
import { SecretBox } from './secret-box.js';
import { loadSecretKey, readSecretKeyFile, stageKeyFile, type SecretKey } from './secret-key.js';
import { rotateSecrets } from './sealed-secrets.js';

export interface RotationResult {
  resealed: number;
  fromKeyId: string;
  toKeyId: string;
  source: SecretKey['source'];
  // the generated default key file, replaced by the new key; null when the operator points the config at it
  replacedFile: string | null;
}

/**
 * `secrets:rotate`: re-seals every secret from the configured key to the key in `newKeyFile`, in one transaction.
 * With the generated default (.data/secret.key) the file is replaced atomically once the transaction committed.
 */
export async function rotateSecretKey(
  dataSource: DataSource,
  config: AppConfig,
  newKeyFile: string,
): Promise<RotationResult> {
  const current = loadSecretKey(config);
  const next = readSecretKeyFile(path.resolve(newKeyFile));
  if (next.equals(current.key)) throw new ConfigError(`新密钥与当前密钥相同 / ${newKeyFile} holds the configured key`);
  const from = new SecretBox(current.key);
  const to = new SecretBox(next);
  // written beside the old file before the transaction, renamed over it after the commit
  const staged = current.source === 'default' ? stageKeyFile(current.file!, next) : null;
  try {
    const resealed = await rotateSecrets(dataSource, from, to);
    staged?.commit();
    return {
      resealed,
      fromKeyId: from.keyId,
      toKeyId: to.keyId,
      source: current.source,
      replacedFile: staged ? current.file : null,
    };
  } catch (error) {
    staged?.discard();
    throw error;
  }
}
