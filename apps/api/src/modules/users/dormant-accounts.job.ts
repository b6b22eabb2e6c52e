import { Injectable, Logger } from '@nestjs/common';
import { AccountSecurityService } from '../auth/account-security.service.js';
import { JobsService } from '../jobs/jobs.service.js';

export const DORMANT_ACCOUNTS_JOB = 'users.dormant-accounts';

// Disables dormant accounts every day at 02:30 China time (等保 8.1.4.2c), and drops spent sign-in challenges and the
// per-address failure counters idle for a day.
// Sign-in checks dormancy too, so the job's period only bounds how long an idle account's sessions could survive.
@Injectable()
export class DormantAccountsJob {
  private readonly logger = new Logger('DormantAccounts');

  constructor(
    private readonly security: AccountSecurityService,
    jobs: JobsService,
  ) {
    void jobs.define({
      name: DORMANT_ACCOUNTS_JOB,
      label: '停用长期未登录的账号',
      cron: '30 2 * * *',
      handler: async () => ({
        disabled: await this.run(),
        addressCounters: await this.security.purgeAddressCounters(),
      }),
    });
  }

  /** One pass (the job's handler; also called by tests): returns the usernames disabled. */
  async run(): Promise<string[]> {
    const disabled = await this.security.disableDormantAccounts();
    if (disabled.length > 0) this.logger.log(`disabled ${disabled.length} dormant account(s)`);
    return disabled;
  }
}
