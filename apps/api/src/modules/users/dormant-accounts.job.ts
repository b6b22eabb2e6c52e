import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { AccountSecurityService } from '../auth/account-security.service.js';

const FIRST_RUN_MS = 60_000;
const DAY_MS = 86_400_000;

// Disables dormant accounts a minute after start, then daily (等保 8.1.4.2c), and drops spent sign-in challenges.
// Sign-in checks dormancy too, so the job's period only bounds how long an idle account's sessions could survive.
@Injectable()
export class DormantAccountsJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('DormantAccounts');
  private timers: NodeJS.Timeout[] = [];
  private running: Promise<unknown> = Promise.resolve();

  constructor(private readonly security: AccountSecurityService) {}

  onApplicationBootstrap(): void {
    const tick = () => {
      this.running = this.run().catch((error: Error) =>
        this.logger.error(`dormant account check failed: ${error.message}`),
      );
    };
    // unref: the timers never keep a stopping process alive
    this.timers = [setTimeout(tick, FIRST_RUN_MS).unref(), setInterval(tick, DAY_MS).unref()];
  }

  async onModuleDestroy(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers = [];
    await this.running;
  }

  /** One pass (also called by tests): returns the usernames disabled. */
  async run(): Promise<string[]> {
    const disabled = await this.security.disableDormantAccounts();
    if (disabled.length > 0) this.logger.log(`disabled ${disabled.length} dormant account(s)`);
    return disabled;
  }
}
