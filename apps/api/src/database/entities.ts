import { AttachmentEntity } from '../modules/attachments/attachment.entity.js';
import { AuditEventEntity } from '../modules/audit/audit-event.entity.js';
import { UserAccountEntity } from '../modules/auth/user-account.entity.js';
import { UserSessionEntity } from '../modules/auth/user-session.entity.js';
import { MfaChallengeEntity } from '../modules/auth/mfa-challenge.entity.js';
import { MfaRecoveryCodeEntity } from '../modules/auth/mfa-recovery-code.entity.js';
import { LoginLockoutEntity } from '../modules/auth/login-lockout.entity.js';
import { PasswordHistoryEntity } from '../modules/auth/password-history.entity.js';
import { CategoryEntity } from '../modules/inspections/category.entity.js';
import { InspectionEntity } from '../modules/inspections/inspection.entity.js';
import { IdempotencyKeyEntity } from '../common/idempotency/idempotency-key.entity.js';
import { RateLimitWindowEntity } from '../common/http/rate-limit-window.entity.js';
import { DeadlineExtensionEntity } from '../modules/measures/deadline-extension.entity.js';
import { MeasureCheckpointEntity } from '../modules/measures/measure-checkpoint.entity.js';
import { MeasureEventEntity } from '../modules/measures/measure-event.entity.js';
import { MeasureUnitEntity } from '../modules/measures/measure-unit.entity.js';
import { MeasureEntity } from '../modules/measures/measure.entity.js';
import { ProgressUpdateEntity } from '../modules/measures/progress-update.entity.js';
import { AccountabilityActionEntity } from '../modules/outcomes/accountability-action.entity.js';
import { FundRecoveryEntity } from '../modules/outcomes/fund-recovery.entity.js';
import { RuleDocumentEntity } from '../modules/outcomes/rule-document.entity.js';
import { ProblemEntity } from '../modules/problems/problem.entity.js';
import { PublicationFeedbackEntity } from '../modules/publications/publication-feedback.entity.js';
import { PublicationEntity } from '../modules/publications/publication.entity.js';
import { PersonEntity } from '../modules/units/person.entity.js';
import { UnitEntity } from '../modules/units/unit.entity.js';
import { NotificationEntity } from '../modules/notifications/notification.entity.js';
import { NotificationDeliveryEntity } from '../modules/notifications/notification-delivery.entity.js';
import { NotificationPreferenceEntity } from '../modules/notifications/notification-preference.entity.js';
import { ReminderPolicyEntity } from '../modules/reminders/reminder-policy.entity.js';
import { ReminderSentEntity } from '../modules/reminders/reminder-sent.entity.js';
import { ScoringPolicyEntity } from '../modules/scoring/scoring-policy.entity.js';
import {
  SupervisionOrderCounterEntity,
  SupervisionOrderEntity,
  SupervisionOrderMeasureEntity,
} from '../modules/supervision-orders/supervision-order.entity.js';
import { WebhookDeliveryEntity, WebhookEntity, WebhookMessageEntity } from '../modules/webhooks/webhook.entity.js';
import {
  ReportRoundEntity,
  ReportRoundUnitEntity,
  ReportScheduleEntity,
  ReportSnapshotItemEntity,
  ReportSubmissionEntity,
} from '../modules/report-rounds/report-round.entity.js';
import { LookbackEntity, LookbackItemEntity } from '../modules/lookbacks/lookback.entity.js';
import { ProblemEvaluationEntity } from '../modules/outcomes/problem-evaluation.entity.js';
import { ExportJobEntity } from '../modules/documents/export-jobs/export-job.entity.js';

export const entities = [
  UnitEntity,
  PersonEntity,
  UserAccountEntity,
  UserSessionEntity,
  PasswordHistoryEntity,
  LoginLockoutEntity,
  MfaRecoveryCodeEntity,
  MfaChallengeEntity,
  InspectionEntity,
  CategoryEntity,
  ProblemEntity,
  MeasureEntity,
  MeasureUnitEntity,
  ProgressUpdateEntity,
  AttachmentEntity,
  AuditEventEntity,
  AccountabilityActionEntity,
  RuleDocumentEntity,
  FundRecoveryEntity,
  MeasureEventEntity,
  DeadlineExtensionEntity,
  MeasureCheckpointEntity,
  IdempotencyKeyEntity,
  RateLimitWindowEntity,
  PublicationEntity,
  PublicationFeedbackEntity,
  NotificationEntity,
  NotificationDeliveryEntity,
  NotificationPreferenceEntity,
  WebhookEntity,
  ReminderPolicyEntity,
  ReminderSentEntity,
  ScoringPolicyEntity,
  SupervisionOrderEntity,
  SupervisionOrderMeasureEntity,
  SupervisionOrderCounterEntity,
  WebhookMessageEntity,
  WebhookDeliveryEntity,
  ReportRoundEntity,
  ReportRoundUnitEntity,
  ReportSubmissionEntity,
  ReportSnapshotItemEntity,
  ReportScheduleEntity,
  LookbackEntity,
  LookbackItemEntity,
  ProblemEvaluationEntity,
  ExportJobEntity,
];
