import { describe, expect, it } from '@jest/globals';
import {
  acceptedTotpStep,
  hashRecoveryCode,
  newRecoveryCode,
  newTotpSecret,
  totpCode,
  totpStep,
  totpUri,
} from './totp.js';

describe('TOTP', () => {
  const secret = newTotpSecret();
  const now = new Date('2024-03-15T04:00:10Z');

  it('accepts the current code and one step either side, and names the step', () => {
    const step = totpStep(now);
    expect(acceptedTotpStep(secret, totpCode(secret, now), now, null)).toBe(step);
    expect(acceptedTotpStep(secret, totpCode(secret, new Date(now.getTime() - 30_000)), now, null)).toBe(step - 1);
    expect(acceptedTotpStep(secret, totpCode(secret, new Date(now.getTime() + 30_000)), now, null)).toBe(step + 1);
    expect(acceptedTotpStep(secret, totpCode(secret, new Date(now.getTime() - 90_000)), now, null)).toBeNull();
  });

  it('refuses a code whose step was used already, and malformed codes', () => {
    const code = totpCode(secret, now);
    expect(acceptedTotpStep(secret, code, now, totpStep(now))).toBeNull();
    expect(acceptedTotpStep(secret, code, now, totpStep(now) - 1)).toBe(totpStep(now));
    expect(acceptedTotpStep(secret, '12345', now, null)).toBeNull();
    expect(acceptedTotpStep(secret, 'abcdef', now, null)).toBeNull();
  });

  it('builds an otpauth URL with the issuer and the username', () => {
    const url = new URL(totpUri('officer', secret));
    expect(url.protocol).toBe('otpauth:');
    expect(decodeURIComponent(url.pathname)).toMatch(/整改工作台:officer$/);
    expect(url.searchParams.get('issuer')).toBe('整改工作台');
    expect(url.searchParams.get('secret')).toBe(secret);
    expect(url.searchParams.get('period')).toBe('30');
  });
});

describe('recovery codes', () => {
  it('are 16 unambiguous characters in groups, hashed regardless of case and dashes', () => {
    const code = newRecoveryCode();
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{4}(-[A-HJ-NP-Z2-9]{4}){3}$/);
    expect(hashRecoveryCode(code.toLowerCase().replace(/-/g, ' '))).toBe(hashRecoveryCode(code));
    expect(new Set(Array.from({ length: 50 }, () => newRecoveryCode())).size).toBe(50);
  });
});
