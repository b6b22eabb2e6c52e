// The resource segment of an API path (`/api/<resource>/{id}`) → the name of the demo object a test puts in for {id}.
export const SUBJECT_OF_RESOURCE: Record<string, string> = {
  measures: 'measure',
  problems: 'problem',
  inspections: 'inspection',
  attachments: 'attachment',
  extensions: 'extension',
  categories: 'category',
  units: 'unit',
  persons: 'person',
  users: 'user',
  'accountability-actions': 'accountability',
  'rule-documents': 'rule',
  'fund-recoveries': 'fund',
  jobs: 'jobRun',
  notifications: 'notification',
  webhooks: 'webhook',
  'supervision-orders': 'supervisionOrder',
  'report-rounds': 'reportRound',
  lookbacks: 'lookback',
  publications: 'publication',
  feedback: 'feedback',
};

/** The subject name for a path template's resource, e.g. '/api/measures/{id}' → 'measure'. */
export function subjectNameOf(pathTemplate: string): string | undefined {
  return SUBJECT_OF_RESOURCE[pathTemplate.split('/')[2]];
}
