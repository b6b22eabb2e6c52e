import type { MeasureStatus } from '@zhenggai/domain';

// The shapes the measure write path passes around, and how a notification names a measure (pure helpers).

export interface LockedMeasure {
  id: string;
  problemId: string;
  inspectionId: string;
  status: MeasureStatus;
  version: number;
  deadline: string | null;
  term: string;
  leadUnitId: string | null;
}

export interface UnitShare {
  unitId: string;
  role: 'lead' | 'co';
  status: MeasureStatus;
}

export interface MeasureEventInput {
  measureId: string;
  action: string;
  fromStatus?: MeasureStatus | null;
  toStatus?: MeasureStatus | null;
  unitId?: string | null;
  actorId: string | null;
  actorName: string | null;
  opinion?: string | null;
  attachmentIds?: string[];
  detail?: Record<string, unknown> | null;
}

export interface MeasureNotice {
  /** e.g. 7.(2) */
  label: string;
  /** the measure's text, cut at 40 characters */
  excerpt: string;
  /** the measure on its problem page */
  link: string;
}

/** A measure's text cut for a notification. */
export function measureExcerpt(text: string, length = 40): string {
  return text.length > length ? `${text.slice(0, length)}…` : text;
}

/** The measure on its problem page, the deep link of the web app. */
export function measureLink(problemId: string, measureId: string): string {
  return `/problems/${problemId}#measure-${measureId}`;
}
