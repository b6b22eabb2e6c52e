import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './app-config.js';

describe('loadConfig', () => {
  it('applies safe defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 3000,
      SESSION_IDLE_MINUTES: 30,
      SESSION_ABSOLUTE_HOURS: 12,
      DEMO_DATA: 'auto',
    });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('reads and converts the environment', () => {
    const config = loadConfig({ PORT: '8080', SWAGGER_ENABLED: 'false', DATABASE_URL: 'postgres://u:p@db:5432/zg' });
    expect(config).toMatchObject({ PORT: 8080, SWAGGER_ENABLED: false, DATABASE_URL: 'postgres://u:p@db:5432/zg' });
  });

  it('names every invalid variable in one clear error', () => {
    expect(() => loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', DEMO_DATA: 'yes' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x' });
    } catch (error) {
      expect((error as Error).message).toMatch(/PORT="abc"/);
      expect((error as Error).message).toMatch(/DATABASE_URL must be a postgres:\/\/ URL/);
    }
  });
});
