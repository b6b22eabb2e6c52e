import { Injectable } from '@nestjs/common';
import { RateLimiter } from '../../common/http/rate-limiter.js';
import { AppConfig } from '../../config/app-config.js';

// Sign-in attempts per client IP in a fixed minute (password and second-factor steps alike), counted in PostgreSQL
// so that every API process shares one limit. Refused attempts are not counted.
@Injectable()
export class LoginThrottle {
  constructor(
    private readonly config: AppConfig,
    private readonly limiter: RateLimiter,
  ) {}

  /** Counts an attempt; throws RATE_LIMITED (429, Retry-After) when the client is over LOGIN_RATE_PER_MINUTE. */
  take(ip: string | null): Promise<void> {
    return this.limiter.take('login', ip ?? 'unknown', this.config.LOGIN_RATE_PER_MINUTE);
  }
}
