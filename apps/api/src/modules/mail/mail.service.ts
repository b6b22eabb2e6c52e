import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Transporter } from 'nodemailer';
import { AppConfig } from '../../config/app-config.js';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** What the channels page shows of the mail server: never the password. */
export interface MailServerInfo {
  enabled: boolean;
  host: string | null;
  port: number | null;
  secure: boolean;
  from: string | null;
}

// Outgoing mail over SMTP (nodemailer), configured by SMTP_URL and MAIL_FROM. Without SMTP_URL the channel is off:
// `enabled` is false and callers do not queue mail at all. Only background jobs send: a request never waits on SMTP.
@Injectable()
export class MailService implements OnApplicationShutdown {
  // nodemailer (~15 MB resident once required) is loaded on the first mail sent, never when mail is off
  // (docs/performance.md › Idle memory of the API process)
  private transport: Transporter | null = null;
  private opening: Promise<Transporter> | null = null;

  constructor(private readonly config: AppConfig) {}

  get enabled(): boolean {
    return Boolean(this.config.SMTP_URL);
  }

  describe(): MailServerInfo {
    if (!this.config.SMTP_URL) return { enabled: false, host: null, port: null, secure: false, from: null };
    const url = new URL(this.config.SMTP_URL);
    const secure = url.protocol === 'smtps:';
    return {
      enabled: true,
      host: url.hostname,
      port: url.port ? Number(url.port) : secure ? 465 : 587,
      secure,
      from: this.config.MAIL_FROM ?? null,
    };
  }

  /** Sends one mail; throws with the server's answer when it is refused (the job records it and retries). */
  async send(mail: OutgoingMail): Promise<{ messageId: string }> {
    if (!this.config.SMTP_URL) throw new Error('mail is off: SMTP_URL is not set');
    // a pool: a batch of mails reuses its connections instead of a TLS handshake per mail
    const smtpUrl = this.config.SMTP_URL;
    this.opening ??= import('nodemailer').then(
      ({ default: nodemailer }) =>
        (this.transport = nodemailer.createTransport(
          { url: smtpUrl, pool: true, maxConnections: 2, connectionTimeout: 15_000, socketTimeout: 60_000 },
          { from: this.config.MAIL_FROM },
        )),
    );
    const transport = await this.opening;
    const info = await transport.sendMail({
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
    });
    return { messageId: info.messageId };
  }

  onApplicationShutdown(): void {
    this.transport?.close();
    this.transport = null;
    this.opening = null;
  }
}
