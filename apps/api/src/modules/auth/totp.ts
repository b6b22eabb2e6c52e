import { authenticator } from 'otplib';
import { createHash, randomInt } from 'node:crypto';

// TOTP (RFC 6238) as authenticator apps expect it: SHA-1, 6 digits, 30-second steps, one step of tolerance either
// way. "Now" always comes from the injected Clock, so tests can move through time steps.
export const MFA_ISSUER = '整改工作台';
export const TOTP_STEP_SECONDS = 30;
export const RECOVERY_CODE_COUNT = 10;

export function newTotpSecret(): string {
  // 20 random bytes (160 bits, RFC 4226's recommendation), base32
  return authenticator.generateSecret(20);
}

export function totpUri(username: string, secret: string): string {
  return authenticator.keyuri(username, MFA_ISSUER, secret);
}

export function totpStep(now: Date): number {
  return Math.floor(now.getTime() / 1000 / TOTP_STEP_SECONDS);
}

/** The time step the code belongs to when it is valid now (±1 step) and newer than `lastStep`; null otherwise. */
export function acceptedTotpStep(secret: string, code: string, now: Date, lastStep: number | null): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  let delta: number | null;
  try {
    delta = authenticator.clone({ epoch: now.getTime(), step: TOTP_STEP_SECONDS, window: 1 }).checkDelta(code, secret);
  } catch {
    return null;
  }
  if (delta === null) return null;
  const step = totpStep(now) + delta;
  // each code is usable once: a step at or before the last accepted one is a replay
  if (lastStep !== null && step <= lastStep) return null;
  return step;
}

/** The code an authenticator app shows at `now` (tests and diagnostics). */
export function totpCode(secret: string, now: Date): string {
  return authenticator.clone({ epoch: now.getTime(), step: TOTP_STEP_SECONDS }).generate(secret);
}

// 32 symbols without 0/O/1/I: 16 of them carry 80 random bits, so a plain SHA-256 is enough to store them.
const RECOVERY_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function newRecoveryCode(): string {
  const chars = Array.from({ length: 16 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]);
  return [0, 4, 8, 12].map((start) => chars.slice(start, start + 4).join('')).join('-');
}

export function hashRecoveryCode(code: string): string {
  const normalized = code.toUpperCase().replace(/[\s-]/g, '');
  return createHash('sha256').update(normalized).digest('hex');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
