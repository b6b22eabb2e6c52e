import argon2 from 'argon2';
import { randomInt } from 'node:crypto';
import { validatePassword } from '@zhenggai/domain';

// argon2id with OWASP's minimum (19 MiB, t=2, p=1): slow enough for stolen hashes, fast enough for a login burst.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

// Verified against when the username is unknown, so both failures take the same time.
let dummyHash: Promise<string> | null = null;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('zhenggai-dummy-password-for-timing');
  return dummyHash;
}

// Without look-alike characters (0/O, 1/l/I), so a temporary password can be read out over the phone.
const GROUPS = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '#%+=@!?'];

/** A random 16-character password that satisfies the policy: for new accounts and resets (changed at first use). */
export function generateTemporaryPassword(username = ''): string {
  const all = GROUPS.join('');
  for (;;) {
    const chars = [
      ...GROUPS.map((group) => group[randomInt(group.length)]),
      ...Array.from({ length: 12 }, () => all[randomInt(all.length)]),
    ];
    for (let i = chars.length - 1; i > 0; i--) {
      const j = randomInt(i + 1);
      [chars[i], chars[j]] = [chars[j], chars[i]];
    }
    const password = chars.join('');
    if (validatePassword(password, username).length === 0) return password;
  }
}
