import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { ConfigError, type AppConfig } from '../../config/app-config.js';

export interface SecretKey {
  key: Buffer;
  // where it came from: the variable, or the file (SECRET_KEY_FILE or the generated default)
  source: 'SECRET_KEY' | 'SECRET_KEY_FILE' | 'default';
  file: string | null;
  generated: boolean;
}

/** base64 of exactly 32 bytes (surrounding white space ignored), else null. */
export function parseSecretKey(text: string): Buffer | null {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/]{43}=$/.test(trimmed)) return null;
  const key = Buffer.from(trimmed, 'base64');
  return key.length === 32 ? key : null;
}

/** The key file used when neither SECRET_KEY nor SECRET_KEY_FILE is set: next to the embedded data directory. */
export function defaultSecretKeyFile(config: Pick<AppConfig, 'EMBEDDED_PG_DIR'>): string {
  return path.join(path.dirname(path.resolve(config.EMBEDDED_PG_DIR)), 'secret.key');
}

export function readSecretKeyFile(file: string): Buffer {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(
      `密钥文件无法读取 / cannot read the secret key file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  const key = parseSecretKey(text);
  if (!key)
    throw new ConfigError(
      `密钥文件须为 32 字节密钥的 base64 / the secret key file ${file} must hold the base64 of exactly 32 bytes (openssl rand -base64 32)`,
    );
  return key;
}

/** A new random key written to `file` (mode 0600) unless one is there already; then that one. */
function generatedKey(file: string): { key: Buffer; generated: boolean } {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    fs.writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    return { key: readSecretKeyFile(file), generated: true };
  } catch (error) {
    // another process made it first: use that one
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return { key: readSecretKeyFile(file), generated: false };
    throw error;
  }
}

/**
 * The key that seals secrets at rest: SECRET_KEY, else the file SECRET_KEY_FILE, else (development, tests, the
 * embedded database) `.data/secret.key`, generated once. loadConfig already refused production without a key.
 */
export function loadSecretKey(config: AppConfig): SecretKey {
  if (config.SECRET_KEY) {
    const key = parseSecretKey(config.SECRET_KEY);
    if (!key) throw new ConfigError('SECRET_KEY 须为 32 字节密钥的 base64 / SECRET_KEY must be the base64 of 32 bytes');
    return { key, source: 'SECRET_KEY', file: null, generated: false };
  }
  if (config.SECRET_KEY_FILE) {
    const file = path.resolve(config.SECRET_KEY_FILE);
    return { key: readSecretKeyFile(file), source: 'SECRET_KEY_FILE', file, generated: false };
  }
  const file = defaultSecretKeyFile(config);
  return { ...generatedKey(file), source: 'default', file };
}

/**
 * Replaces a key file atomically: the new key is written now to a sibling (mode 0600); `commit` renames it over the
 * file, `discard` removes it.
 */
export function stageKeyFile(file: string, key: Buffer): { commit(): void; discard(): void } {
  const staged = `${file}.${process.pid}.new`;
  fs.writeFileSync(staged, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'w' });
  return {
    commit: () => fs.renameSync(staged, file),
    discard: () => fs.rmSync(staged, { force: true }),
  };
}
