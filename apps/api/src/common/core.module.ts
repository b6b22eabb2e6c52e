import { Global, Module, type DynamicModule } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { Clock } from './clock.js';
import { RateLimiter } from './http/rate-limiter.js';
import { SecretBox } from './crypto/secret-box.js';
import { ShutdownState } from './shutdown-state.js';

// Configuration, the clock, the shared rate limiter, the box sealing secrets at rest and the shutdown state,
// available everywhere.
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
        ShutdownState,
      ],
      exports: [AppConfig, Clock, SecretBox, RateLimiter, ShutdownState],
    };
  }
}
