import { describe, expect, it } from '@jest/globals';
import { validatePassword } from '@zhenggai/domain';
import { generateTemporaryPassword, hashPassword, verifyPassword } from './passwords.js';

describe('passwords', () => {
  it('generates temporary passwords that satisfy the policy and differ each time', () => {
    const passwords = Array.from({ length: 20 }, () => generateTemporaryPassword('officer'));
    for (const password of passwords) {
      expect(password).toHaveLength(16);
      expect(validatePassword(password, 'officer')).toEqual([]);
    }
    expect(new Set(passwords).size).toBe(20);
  });

  it('hashes with argon2id, salted: the same password gives different hashes, and nothing is truncated', async () => {
    const long = `Aa1!${'x'.repeat(120)}`;
    const [first, second] = await Promise.all([hashPassword(long), hashPassword(long)]);
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(first).not.toBe(second);
    expect(await verifyPassword(first, long)).toBe(true);
    expect(await verifyPassword(first, long.slice(0, -1))).toBe(false);
  });
});
