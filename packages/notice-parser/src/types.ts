export interface NumericFact {
  /** The number as printed; the real quantity is `value * multiplier`. */
  value: number;
  unit: string | null;
  multiplier: 1 | 10000 | 100000000;
  kind: 'quantity' | 'percent' | 'ratio' | 'rank';
  /** Printed with 约/近/超/余/多/以上/左右. */
  approx: boolean;
  done?: number;
  total?: number;
  remaining?: number;
  rawText: string;
}

export interface ParsedMeasure {
  seq: number;
  lead: string | null;
  text: string;
}

export interface AccountabilityItem {
  form: string;
  count: number | null;
  countUnit: '人' | '人次' | '家' | null;
  rawText: string;
}

export interface RuleItem {
  title: string;
  role: 'issued' | 'revised' | 'studied' | 'mentioned';
  rawText: string;
}

export interface FundItem {
  kind: string;
  amount: number;
  unit: '万元';
  rawText: string;
}

export interface ParsedProblem {
  seq: number;
  label: string;
  title: string;
  categorySeq: number | null;
  /** Seq of the enclosing problem for sub-problems such as `(1)关于“…”`; null at the top level. */
  parentSeq?: number | null;
  overview: string | null;
  measures: ParsedMeasure[];
  facts: NumericFact[];
  accountability: AccountabilityItem[];
  rules: RuleItem[];
  funds: FundItem[];
  statusHint: 'completed' | 'ongoing' | null;
  truncated: boolean;
  sourceText: string;
}

export interface ParsedCategory {
  seq: number;
  label: string;
  title: string;
}

export interface ParseWarning {
  code: string;
  message: string;
  excerpt?: string;
}

export interface ParsedInspection {
  title: string | null;
  issuer: string | null;
  kind: 'xunshi' | 'xuncha' | null;
  term: string | null;
  issuingCommittee: string | null;
  round: number | null;
  group: string | null;
  inspectionType: string | null;
  target: string | null;
  onSiteFrom: string | null;
  onSiteTo: string | null;
  feedbackDate: string | null;
  publishedAt: string | null;
  publicityFrom: string | null;
  publicityTo: string | null;
  contactPhone: string | null;
  contactHours: string | null;
  contactEmail: string | null;
  signedOn: string | null;
}

export interface ParsedNotice {
  inspection: ParsedInspection;
  preamble: string | null;
  organisationText: string | null;
  nextStepsText: string | null;
  categories: ParsedCategory[];
  problems: ParsedProblem[];
  warnings: ParseWarning[];
}

export interface ParseOptions {
  /** Year used when a date has no year and none can be inferred from the notice itself. */
  referenceYear?: number;
}
