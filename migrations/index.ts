import { InitSchema1795719149508 } from './1795719149508-InitSchema.js';
import { LedgerWorkflow1795719480290 } from './1795719480290-LedgerWorkflow.js';
import { TextSearchAndAuditGuard1795719480291 } from './1795719480291-TextSearchAndAuditGuard.js';
import { AuthHardening1795720908225 } from './1795720908225-AuthHardening.js';
import { Publications1795723226383 } from './1795723226383-Publications.js';
import { Notifications1796612894124 } from './1796612894124-Notifications.js';
import { MailChannel1796617818443 } from './1796617818443-MailChannel.js';
import { NotificationPreferences1796618199101 } from './1796618199101-NotificationPreferences.js';
import { Webhooks1796618449586 } from './1796618449586-Webhooks.js';
import { ReminderPolicy1796622307704 } from './1796622307704-ReminderPolicy.js';
import { ReminderSent1796622649231 } from './1796622649231-ReminderSent.js';
import { MailDigest1796623062400 } from './1796623062400-MailDigest.js';
import { SupervisionOrders1796623327704 } from './1796623327704-SupervisionOrders.js';
import { ReportRounds1796627022660 } from './1796627022660-ReportRounds.js';
import { RoundReminders1796627515404 } from './1796627515404-RoundReminders.js';
import { Lookbacks1796646786509 } from './1796646786509-Lookbacks.js';
import { CheckpointReviews1796647499267 } from './1796647499267-CheckpointReviews.js';
import { ScoringPolicy1796648020612 } from './1796648020612-ScoringPolicy.js';
import { ProblemEvaluation1796649363335 } from './1796649363335-ProblemEvaluation.js';
import { AuditHashChain1796650000000 } from './1796650000000-AuditHashChain.js';
import { RateLimitWindow1796655751295 } from './1796655751295-RateLimitWindow.js';
import { SecretsAtRest1796655916309 } from './1796655916309-SecretsAtRest.js';
import { LoginLockoutByAddress1796657437842 } from './1796657437842-LoginLockoutByAddress.js';
import { IdempotencyCommitted1796659415716 } from './1796659415716-IdempotencyCommitted.js';
import { StatisticsCache1796660000000 } from './1796660000000-StatisticsCache.js';
import { ExportJobs1796667095618 } from './1796667095618-ExportJobs.js';
import { AuditChainBatch1796670000000 } from './1796670000000-AuditChainBatch.js';
import { ProblemSeqIndex1796659733959 } from './1796659733959-ProblemSeqIndex.js';

// Every migration, in order. Add new ones at the end; never edit one that has landed.
export const migrations: Function[] = [
  InitSchema1795719149508,
  LedgerWorkflow1795719480290,
  TextSearchAndAuditGuard1795719480291,
  AuthHardening1795720908225,
  Publications1795723226383,
  Notifications1796612894124,
  MailChannel1796617818443,
  NotificationPreferences1796618199101,
  Webhooks1796618449586,
  ReminderPolicy1796622307704,
  ReminderSent1796622649231,
  MailDigest1796623062400,
  SupervisionOrders1796623327704,
  ReportRounds1796627022660,
  RoundReminders1796627515404,
  Lookbacks1796646786509,
  CheckpointReviews1796647499267,
  ScoringPolicy1796648020612,
  ProblemEvaluation1796649363335,
  AuditHashChain1796650000000,
  RateLimitWindow1796655751295,
  SecretsAtRest1796655916309,
  LoginLockoutByAddress1796657437842,
  IdempotencyCommitted1796659415716,
  ProblemSeqIndex1796659733959,
  StatisticsCache1796660000000,
  ExportJobs1796667095618,
  AuditChainBatch1796670000000,
];
