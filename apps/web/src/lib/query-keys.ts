import type { QueryClient } from '@tanstack/react-query';

// Query keys shared across features: a mutation in one feature refreshes what other screens show of the same data.
export const queryKeys = {
  inspections: ['inspections'] as const,
  statistics: ['statistics'] as const,
  problems: ['problems'] as const,
  problem: (id: string) => ['problems', 'detail', id] as const,
  measures: ['measures'] as const,
  measure: (id: string) => ['measures', 'detail', id] as const,
  measureRecords: (id: string, kind: 'history' | 'progress' | 'attachments' | 'extensions' | 'checkpoints') =>
    ['measures', 'records', id, kind] as const,
  extensions: ['extensions'] as const,
  outcomes: (problemId: string) => ['outcomes', problemId] as const,
  effectiveness: (problemId: string) => ['effectiveness', problemId] as const,
  units: ['units'] as const,
  mfa: ['account', 'mfa'] as const,
  users: ['users'] as const,
  audit: ['audit'] as const,
  auditChain: ['audit-chain'] as const,
  jobs: ['jobs'] as const,
  webhooks: ['webhooks'] as const,
  notifications: ['notifications'] as const,
  notificationChannels: ['notification-channels'] as const,
  reminderPolicy: (inspectionId: string) => ['reminder-policy', inspectionId] as const,
  publications: ['publications'] as const,
  publicationList: (inspectionId: string) => ['publications', 'list', inspectionId] as const,
  publication: (id: string) => ['publications', 'detail', id] as const,
  publicationFeedback: (id: string) => ['publications', 'feedback', id] as const,
  supervisionOrders: ['supervision-orders'] as const,
  supervisionOrder: (id: string) => ['supervision-orders', 'detail', id] as const,
  reportRounds: ['report-rounds'] as const,
  reportRoundList: (inspectionId: string) => ['report-rounds', 'list', inspectionId] as const,
  reportRound: (id: string) => ['report-rounds', 'detail', id] as const,
  reportRoundCompilation: (id: string) => ['report-rounds', 'summary', id] as const,
  reportRoundComparison: (a: string, b: string) => ['report-rounds', 'compare', a, b] as const,
  reportSchedule: (inspectionId: string) => ['report-schedule', inspectionId] as const,
  unitScores: (inspectionId: string) => ['unit-scores', inspectionId] as const,
  scoringPolicy: (inspectionId: string) => ['scoring-policy', inspectionId] as const,
  lookbacks: ['lookbacks'] as const,
  lookbackList: (inspectionId: string) => ['lookbacks', 'list', inspectionId] as const,
  lookback: (id: string) => ['lookbacks', 'detail', id] as const,
  checkpointReviews: ['checkpoint-reviews'] as const,
};

/** After a measure changed: its records, every list and count that shows it, its problem and the dashboard figures. */
export async function invalidateMeasureData(queryClient: QueryClient): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.measures }),
    queryClient.invalidateQueries({ queryKey: queryKeys.problems }),
    queryClient.invalidateQueries({ queryKey: queryKeys.statistics }),
    queryClient.invalidateQueries({ queryKey: queryKeys.extensions }),
  ]);
}

/** After an import wrote an inspection's problems and measures: every list, count and figure that shows them. */
export async function invalidateLedgerData(queryClient: QueryClient): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.inspections }),
    queryClient.invalidateQueries({ queryKey: queryKeys.problems }),
    queryClient.invalidateQueries({ queryKey: queryKeys.measures }),
    queryClient.invalidateQueries({ queryKey: queryKeys.statistics }),
  ]);
}
