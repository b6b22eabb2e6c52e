export { parseNotice } from './parse-notice.js';
export { normaliseText } from './normalise.js';
export type {
  AccountabilityItem,
  FundItem,
  NumericFact,
  ParsedCategory,
  ParsedInspection,
  ParsedMeasure,
  ParsedNotice,
  ParsedProblem,
  ParseOptions,
  ParseWarning,
  RuleItem,
} from './types.js';
