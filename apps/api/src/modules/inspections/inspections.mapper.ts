import type { InspectionDto } from './dto/inspection.dto.js';
import type { InspectionRow } from './inspections.repository.js';

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

export function mapInspection(row: InspectionRow): InspectionDto {
  return {
    id: row.id,
    title: row.title,
    issuer: row.issuer,
    kind: row.kind,
    level: row.level,
    term: row.term,
    issuingCommittee: row.issuingCommittee,
    round: row.round,
    group: row.group,
    inspectionType: row.inspectionType,
    target: row.target,
    onSiteFrom: row.onSiteFrom,
    onSiteTo: row.onSiteTo,
    feedbackDate: row.feedbackDate,
    planDueDate: row.planDueDate,
    rectificationEnd: row.rectificationEnd,
    reportDue: row.reportDue,
    publishedAt: iso(row.publishedAt),
    publicityFrom: row.publicityFrom,
    publicityTo: row.publicityTo,
    contactPhone: row.contactPhone,
    contactHours: row.contactHours,
    contactEmail: row.contactEmail,
    contactAddress: row.contactAddress,
    yellowDays: row.yellowDays,
    problemCount: row.problemCount,
    version: row.version,
    createdAt: iso(row.createdAt)!,
    updatedAt: iso(row.updatedAt)!,
  };
}
