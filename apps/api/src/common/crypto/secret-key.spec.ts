import { afterEach, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../config/app-config.js';
import { defaultSecretKeyFile, loadSecretKey, parseSecretKey, stageKeyFile } from './secret-key.js';

describe('the secret key', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secret-key-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is generated once under .data/secret.key, next to the embedded data directory, mode 0600, then reused', () => {
    const dir = tempDir();
    const config = loadConfig({ EMBEDDED_PG_DIR: path.join(dir, '.data/pg') });
    expect(defaultSecretKeyFile(config)).toBe(path.join(dir, '.data/secret.key'));
    const first = loadSecretKey(config);
    expect(first).toMatchObject({ source: 'default', generated: true, file: path.join(dir, '.data/secret.key') });
    expect(first.key).toHaveLength(32);
    expect(fs.statSync(first.file!).mode & 0o777).toBe(0o600);
    const again = loadSecretKey(config);
    expect(again.generated).toBe(false);
    expect(again.key.equals(first.key)).toBe(true);
  });

  it('comes from SECRET_KEY or SECRET_KEY_FILE', () => {
    const key = randomBytes(32);
    expect(loadSecretKey(loadConfig({ SECRET_KEY: key.toString('base64') })).key.equals(key)).toBe(true);
    const file = path.join(tempDir(), 'zhenggai.key');
    fs.writeFileSync(file, `${key.toString('base64')}\n`);
    const loaded = loadSecretKey(loadConfig({ SECRET_KEY_FILE: file }));
    expect(loaded).toMatchObject({ source: 'SECRET_KEY_FILE', file });
    expect(loaded.key.equals(key)).toBe(true);
  });

  it('refuses a key of the wrong length, in Chinese and English, without echoing it', () => {
    const short = randomBytes(16).toString('base64');
    expect(() => loadConfig({ SECRET_KEY: short })).toThrow(ConfigError);
    try {
      loadConfig({ SECRET_KEY: short });
    } catch (error) {
      expect((error as Error).message).toMatch(/SECRET_KEY.*32 字节.*32 bytes/);
      expect((error as Error).message).not.toContain(short);
    }
    const file = path.join(tempDir(), 'short.key');
    fs.writeFileSync(file, short);
    expect(() => loadSecretKey(loadConfig({ SECRET_KEY_FILE: file }))).toThrow(/32 字节.*32 bytes/);
    expect(() => loadSecretKey(loadConfig({ SECRET_KEY_FILE: path.join(file, 'missing') }))).toThrow(ConfigError);
    expect(parseSecretKey(`  ${randomBytes(32).toString('base64')}\n`)).toHaveLength(32);
  });

  it('is required in production with an external database, and not both ways at once', () => {
    const production = { NODE_ENV: 'production', DATABASE_URL: 'postgres://u:p@db:5432/zg' };
    expect(() => loadConfig(production)).toThrow(/生产环境必须配置加密密钥.*required in production/);
    const key = randomBytes(32).toString('base64');
    expect(loadConfig({ ...production, SECRET_KEY: key }).SECRET_KEY).toBe(key);
    expect(() => loadConfig({ SECRET_KEY: key, SECRET_KEY_FILE: '/x' })).toThrow(/not both/);
  });

  it('is replaced atomically: staged beside the file, renamed over it on commit', () => {
    const file = path.join(tempDir(), 'secret.key');
    fs.writeFileSync(file, randomBytes(32).toString('base64'));
    const next = randomBytes(32);
    const staged = stageKeyFile(file, next);
    expect(parseSecretKey(fs.readFileSync(file, 'utf8'))!.equals(next)).toBe(false);
    staged.commit();
    expect(parseSecretKey(fs.readFileSync(file, 'utf8'))!.equals(next)).toBe(true);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['secret.key']);
  });
});
