import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const SEALED = /^v1:([0-9a-f]{8}):([A-Za-z0-9+/=]+):([A-Za-z0-9+/=]+):([A-Za-z0-9+/=]*)$/;

/** The key's id in a sealed value: the first 8 hex digits of its SHA-256 (tells which key sealed it, reveals nothing). */
export function secretKeyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

export class SecretOpenError extends Error {}

// Secrets at rest (TOTP secrets, webhook signing secrets): AES-256-GCM under one key held outside the database.
// `seal` answers `v1:<keyId>:<iv>:<tag>:<ciphertext>` (base64); the AAD names the column and the row
// (`user_account.mfa_secret:<id>`), so a ciphertext copied to another column or row does not open.
export class SecretBox {
  readonly keyId: string;

  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('SecretBox: the key must be 32 bytes');
    this.keyId = secretKeyId(key);
  }

  /** Whether a stored value is sealed (any key) rather than a plain value from before encryption. */
  static isSealed(value: string): boolean {
    return value.startsWith(`${VERSION}:`);
  }

  seal(plain: string, aad: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(aad, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [VERSION, this.keyId, iv.toString('base64'), tag.toString('base64'), ciphertext.toString('base64')].join(
      ':',
    );
  }

  /** The plain value; throws SecretOpenError for another key, another AAD or any altered byte (GCM integrity). */
  open(sealed: string, aad: string): string {
    const parts = SEALED.exec(sealed);
    if (!parts) throw new SecretOpenError('not a sealed value (v1:…)');
    const [, keyId, iv, tag, ciphertext] = parts;
    if (keyId !== this.keyId)
      throw new SecretOpenError(`sealed under key ${keyId}, the configured key is ${this.keyId}`);
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64'), {
        authTagLength: TAG_BYTES,
      });
      decipher.setAAD(Buffer.from(aad, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64')), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretOpenError('the sealed value does not open: altered, or sealed for another column or row');
    }
  }
}
