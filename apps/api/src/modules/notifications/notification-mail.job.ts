import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { JobsService } from '../jobs/jobs.service.js';
import { MailService, type OutgoingMail } from '../mail/mail.service.js';
import { notificationMail, testMail } from './notification-mail.js';
import { NotificationsRepository } from './notifications.repository.js';

export const MAIL_JOB = 'notifications.email';
export const TEST_MAIL_JOB = 'notifications.test-email';

export interface MailJobData {
  notificationId?: string;
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
    jobs: JobsService,
  ) {
    void jobs.define<MailJobData>({
      name: MAIL_JOB,
      label: '发送通知邮件',
      retryLimit: 5,
      retryDelay: config.MAIL_RETRY_DELAY_SECONDS,
      handler: (data, run) => this.send(data.notificationId, run.attempt),
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
