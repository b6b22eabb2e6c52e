import { describe, expect, it } from '@jest/globals';
import { FixedClock } from '../../common/clock.js';
import { loadConfig } from '../../config/app-config.js';
import { LoginThrottle } from './login-throttle.js';

describe('LoginThrottle', () => {
  it('allows LOGIN_RATE_PER_MINUTE attempts per IP over a sliding minute', () => {
    const clock = new FixedClock(new Date('2024-03-15T04:00:00Z'));
    const throttle = new LoginThrottle(loadConfig({ LOGIN_RATE_PER_MINUTE: '3' }), clock);
    throttle.take('10.0.0.1');
    clock.advance(20_000);
    throttle.take('10.0.0.1');
    throttle.take('10.0.0.1');
    expect(() => throttle.take('10.0.0.1')).toThrow(expect.objectContaining({ code: 'RATE_LIMITED', status: 429 }));
    // another client is not affected
    throttle.take('10.0.0.2');
    // the first attempt leaves the window: one more is allowed, then refused again
    clock.advance(40_001);
    throttle.take('10.0.0.1');
    expect(() => throttle.take('10.0.0.1')).toThrow(expect.objectContaining({ code: 'RATE_LIMITED' }));
    clock.advance(20_000);
    throttle.take('10.0.0.1');
  });
});
