import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { SecretBox, SecretOpenError, secretKeyId } from './secret-box.js';

const AAD = 'user_account.mfa_secret:3f1c2d4e-0000-4000-8000-000000000001';

// one character of a base64 field changed to another valid one: the bytes differ, the format holds
function flip(sealed: string, field: number): string {
  const parts = sealed.split(':');
  const text = parts[field];
  const at = Math.floor(text.replace(/=+$/, '').length / 2);
  parts[field] = text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);
  return parts.join(':');
}

describe('SecretBox', () => {
  const key = randomBytes(32);
  const box = new SecretBox(key);

  it('seals to v1:<keyId>:<iv>:<tag>:<ciphertext> and opens it again', () => {
    const sealed = box.seal('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', AAD);
    expect(sealed).toMatch(/^v1:[0-9a-f]{8}:[A-Za-z0-9+/]{16}:[A-Za-z0-9+/]{22}==:[A-Za-z0-9+/=]+$/);
    expect(sealed.split(':')[1]).toBe(secretKeyId(key));
    expect(sealed).not.toContain('JBSWY3DP');
    expect(box.open(sealed, AAD)).toBe('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP');
    expect(box.open(box.seal('密钥 with ünïcode', AAD), AAD)).toBe('密钥 with ünïcode');
    expect(box.open(box.seal('', AAD), AAD)).toBe('');
    expect(SecretBox.isSealed(sealed)).toBe(true);
    expect(SecretBox.isSealed('JBSWY3DPEHPK3PXP')).toBe(false);
  });

  it('never seals the same text twice alike (a fresh IV each time)', () => {
    const a = box.seal('same secret', AAD);
    const b = box.seal('same secret', AAD);
    expect(a).not.toBe(b);
    expect(box.open(a, AAD)).toBe(box.open(b, AAD));
  });

  it('refuses a value with any byte flipped: IV, tag or ciphertext', () => {
    const sealed = box.seal('a webhook signing secret', AAD);
    for (const field of [2, 3, 4]) expect(() => box.open(flip(sealed, field), AAD)).toThrow(SecretOpenError);
    expect(() => box.open(sealed.slice(0, -4), AAD)).toThrow(SecretOpenError);
    expect(() => box.open('plain text', AAD)).toThrow(SecretOpenError);
  });

  it('refuses a value moved to another column or row (the AAD)', () => {
    const sealed = box.seal('secret', AAD);
    expect(() => box.open(sealed, 'user_account.mfa_pending_secret:3f1c2d4e-0000-4000-8000-000000000001')).toThrow(
      SecretOpenError,
    );
    expect(() => box.open(sealed, 'user_account.mfa_secret:3f1c2d4e-0000-4000-8000-000000000002')).toThrow(
      SecretOpenError,
    );
  });

  it('refuses a value sealed under another key, naming both keys', () => {
    const other = new SecretBox(randomBytes(32));
    const sealed = other.seal('secret', AAD);
    expect(() => box.open(sealed, AAD)).toThrow(new RegExp(`key ${other.keyId}.*${box.keyId}`));
    // the same key id but another key (forged id): GCM still refuses
    const forged = sealed.replace(`:${other.keyId}:`, `:${box.keyId}:`);
    expect(() => box.open(forged, AAD)).toThrow(SecretOpenError);
  });

  it('takes 32-byte keys only', () => {
    expect(() => new SecretBox(randomBytes(16))).toThrow(/32 bytes/);
  });
});
