import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import { AppError } from '../../common/errors/app-error.js';
import { AppConfig } from '../../config/app-config.js';

const WINDOW_MS = 60_000;
const MAX_KEYS = 10_000;

// Sign-in attempts per client IP over a sliding minute, in this process (password and second-factor steps alike).
// Refused attempts are not counted, so a client that keeps hammering gets in again a minute after its last
// accepted attempts. Several API instances each keep their own count.
@Injectable()
export class LoginThrottle {
  private readonly attempts = new Map<string, number[]>();

  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Counts an attempt; throws RATE_LIMITED (429) when the client is over LOGIN_RATE_PER_MINUTE. */
  take(ip: string | null): void {
    const key = ip ?? 'unknown';
    const now = this.clock.now().getTime();
    const recent = (this.attempts.get(key) ?? []).filter((at) => at > now - WINDOW_MS);
    if (recent.length >= this.config.LOGIN_RATE_PER_MINUTE) {
      this.attempts.set(key, recent);
      throw new AppError('RATE_LIMITED');
    }
    recent.push(now);
    this.attempts.delete(key);
    this.attempts.set(key, recent);
    if (this.attempts.size > MAX_KEYS) this.prune(now);
  }

  private prune(now: number): void {
    for (const [key, times] of this.attempts) {
      if (times.every((at) => at <= now - WINDOW_MS)) this.attempts.delete(key);
    }
    // still too many clients at once: forget the least recently seen ones (Map keeps insertion order)
    for (const key of this.attempts.keys()) {
      if (this.attempts.size <= MAX_KEYS) break;
      this.attempts.delete(key);
    }
  }
}
