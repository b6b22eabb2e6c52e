import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { AppConfig } from '../../config/app-config.js';
import { JobsService } from '../jobs/jobs.service.js';
import { MailService, type OutgoingMail } from '../mail/mail.service.js';
import { digestMail, notificationMail, testMail } from './notification-mail.js';
import { NotificationsRepository } from './notifications.repository.js';

export const MAIL_JOB = 'notifications.email';
export const TEST_MAIL_JOB = 'notifications.test-email';

export const DIGEST_JOB = 'notifications.digest';

export interface MailJobData {
  notificationId?: string;
  /** a daily digest: one mail listing these notifications of this account */
  digest?: { userId: string; notificationIds: string[] };
}

export interface TestMailJobData {
  to?: string;
  requestedBy?: string;
  requestedAt?: string;
}

// The mail channel: one job per notification to mail, queued with the notification in its transaction, sent by a
// worker (never inside the request). Every attempt is recorded in the delivery log; a refused or failed send throws,
// so the queue tries again (5 more times, the delay doubling from MAIL_RETRY_DELAY_SECONDS).
@Injectable()
export class NotificationMailJob {
  constructor(
    private readonly repository: NotificationsRepository,
    private readonly mail: MailService,
    private readonly config: AppConfig,
    private readonly jobs: JobsService,
    private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    void jobs.define<MailJobData>({
      name: MAIL_JOB,
      label: '发送通知邮件',
      retryLimit: 5,
      retryDelay: config.MAIL_RETRY_DELAY_SECONDS,
      handler: (data, run) =>
        data.digest ? this.sendDigest(data.digest, run.attempt) : this.send(data.notificationId, run.attempt),
    });
    void jobs.define({
      name: DIGEST_JOB,
      label: '发送每日通知汇总邮件',
      cron: '30 7 * * *',
      handler: () => this.digest(),
    });
    void jobs.define<TestMailJobData>({
      name: TEST_MAIL_JOB,
      label: '发送测试邮件',
      retryLimit: 0,
      handler: (data, run) => this.sendTest(data, run.attempt),
    });
  }

  get publicUrl(): string {
    return this.config.PUBLIC_URL ?? `http://localhost:${this.config.PORT}`;
  }

  /** Mails one notification to its recipient; returns why not when there is nothing to send. */
  async send(notificationId: string | undefined, attempt: number): Promise<object> {
    if (!notificationId) return { skipped: 'no notification' };
    if (!this.mail.enabled) return { skipped: 'mail is off' };
    const row = await this.repository.forMail(notificationId);
    if (!row) return { skipped: 'notification deleted' };
    if (!row.email || row.disabled) return { skipped: 'recipient has no address or is disabled' };
    const message = notificationMail(row, { email: row.email, displayName: row.displayName }, this.publicUrl);
    return this.deliver(message, { notificationId: row.id, userId: row.userId }, attempt);
  }

  /**
   * Queues today's digests: one mail job per account that chose the daily digest and has new notifications, in the
   * transaction that marks them covered (so a digest never repeats and never skips one).
   */
  async digest(): Promise<{ digests: number }> {
    if (!this.mail.enabled) return { digests: 0 };
    return this.dataSource.transaction(async (manager) => {
      const due = await this.repository.takeDigests(manager, this.clock.now());
      await this.jobs.sendMany(
        MAIL_JOB,
        due.map((digest) => ({
          data: { digest: { userId: digest.userId, notificationIds: digest.ids } } satisfies MailJobData,
          singletonKey: `digest:${digest.userId}:${digest.until.toISOString()}`,
        })),
        manager,
      );
      return { digests: due.length };
    });
  }

  async sendDigest(digest: { userId: string; notificationIds: string[] }, attempt: number): Promise<object> {
    if (!this.mail.enabled) return { skipped: 'mail is off' };
    const { recipient, items } = await this.repository.forDigest(digest.userId, digest.notificationIds);
    if (!recipient || !recipient.email || recipient.disabled)
      return { skipped: 'recipient has no address or is disabled' };
    const message = digestMail(items, { email: recipient.email, displayName: recipient.displayName }, this.publicUrl);
    return this.deliver(message, { notificationId: null, userId: digest.userId }, attempt);
  }

  async sendTest(data: TestMailJobData, attempt: number): Promise<object> {
    if (!data.to) return { skipped: 'no address' };
    const at = data.requestedAt ? new Date(data.requestedAt) : new Date();
    const message = testMail(data.to, data.requestedBy ?? '', at, this.publicUrl);
    return this.deliver(message, { notificationId: null, userId: null }, attempt);
  }

  private async deliver(
    message: OutgoingMail,
    about: { notificationId: string | null; userId: string | null },
    attempt: number,
  ): Promise<object> {
    const record = { ...about, channel: 'email' as const, recipient: message.to, subject: message.subject, attempt };
    try {
      const { messageId } = await this.mail.send(message);
      await this.repository.recordDelivery({ ...record, status: 'sent', error: null });
      return { to: message.to, messageId };
    } catch (error) {
      await this.repository.recordDelivery({ ...record, status: 'failed', error: (error as Error).message });
      throw error;
    }
  }
}
