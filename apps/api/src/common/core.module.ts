import { Global, Module, type DynamicModule } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { Clock } from './clock.js';
import { RateLimiter } from './http/rate-limiter.js';
import { SecretBox } from './crypto/secret-box.js';

// Configuration, the clock, the shared rate limiter and the box sealing secrets at rest, available everywhere.
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig, clock: Clock, secretBox: SecretBox): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: AppConfig, useValue: config },
        { provide: Clock, useValue: clock },
        { provide: SecretBox, useValue: secretBox },
        RateLimiter,
      ],
      exports: [AppConfig, Clock, SecretBox, RateLimiter],
    };
  }
}
