import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { NOTIFICATION_KIND_LABELS, notificationKindsFor } from '@zhenggai/domain';
import { AppError } from '../../common/errors/app-error.js';
import { requireVersion, StaleVersionError, withConflictState } from '../../common/versioned-update.js';
import { AuditService } from '../audit/audit.service.js';
import { MailService } from '../mail/mail.service.js';
import type { NotificationSettingsDto, UpdateNotificationSettingsDto } from './dto/notification-settings.dto.js';
import { NotificationsRepository } from './notifications.repository.js';

// 账户设置 › 通知设置: each account's own address and which kinds also reach it by email (in the app: always).
@Injectable()
export class NotificationSettingsService {
  constructor(
    private readonly repository: NotificationsRepository,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async get(userId: string, manager?: EntityManager): Promise<NotificationSettingsDto> {
    const row = await this.repository.settings(userId, manager);
    if (!row) throw new AppError('NOT_FOUND');
    return {
      email: row.email,
      mailEnabled: this.mail.enabled,
      mailDigest: row.mail_digest,
      version: row.version,
      kinds: notificationKindsFor(row.roles).map((kind) => ({
        kind,
        label: NOTIFICATION_KIND_LABELS[kind],
        inApp: true,
        email: row.email_kinds[kind] ?? true,
      })),
    };
  }

  async update(userId: string, dto: UpdateNotificationSettingsDto): Promise<NotificationSettingsDto> {
    const version = requireVersion(dto.version);
    const before = await this.get(userId);
    const offered = new Set(before.kinds.map((k) => k.kind));
    const kinds = dto.kinds ?? [];
    const foreign = kinds.find((k) => !offered.has(k.kind));
    if (foreign) {
      throw new AppError('VALIDATION_FAILED', '您的账号不会收到这类通知', {
        errors: { kinds: [`您的账号不会收到“${NOTIFICATION_KIND_LABELS[foreign.kind]}”通知`] },
      });
    }
    if (dto.email === undefined && kinds.length === 0 && dto.mailDigest === undefined)
      throw new AppError('VALIDATION_FAILED', '没有要修改的内容');
    return withConflictState(
      () => this.save(userId, version, dto.email, kinds, dto.mailDigest, before),
      () => this.get(userId),
    );
  }

  private save(
    userId: string,
    version: number,
    email: string | null | undefined,
    kinds: { kind: string; email: boolean }[],
    mailDigest: boolean | undefined,
    before: NotificationSettingsDto,
  ): Promise<NotificationSettingsDto> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.repository.saveSettings(manager, userId, version, email, kinds, mailDigest)))
        throw new StaleVersionError();
      const after = await this.get(userId, manager);
      const snapshot = (settings: NotificationSettingsDto) => ({
        email: settings.email,
        mailDigest: settings.mailDigest,
        emailOff: settings.kinds.filter((k) => !k.email).map((k) => k.kind),
      });
      await this.audit.record(
        {
          action: 'NOTIFICATION_SETTINGS_UPDATED',
          entityType: 'user_account',
          entityId: userId,
          before: snapshot(before),
          after: snapshot(after),
        },
        manager,
      );
      return after;
    });
  }
}
