import { Injectable } from '@nestjs/common';
import { scopeOf, type AccessScope } from '../../../common/auth/access-scope.js';
import { Clock } from '../../../common/clock.js';
import { AppError } from '../../../common/errors/app-error.js';
import type { Actor } from '../../../common/http/request-context.js';
import { AuditService } from '../../audit/audit.service.js';
import { roundName, safeFileName } from '../chinese.js';
import type { NoticeExportQueryDto, ReportExportQueryDto } from '../dto/export-query.dto.js';
import {
  DocumentsRepository,
  type InspectionDocRow,
  type MeasureDocRow,
  type ProblemDocRow,
} from './documents.repository.js';
import { renderDocx, renderText, type WordDocument } from './gbt9704.js';
import { buildNotice } from './notice-document.js';
import { buildReport } from './report-document.js';
import { buildOrder, type OrderDocInput } from './order-document.js';
import { buildRoundReport, type RoundCompilationInput } from './round-document.js';
import { buildLookbackReport, type LookbackReportInput } from './lookback-document.js';
import { XLSX_TYPE } from '../ledger/ledger-export.service.js';
import { buildRoundWorkbook } from '../ledger/round-workbook.js';
import { buildLookbackWorkbook } from '../ledger/lookback-workbook.js';
import { buildUnitScoresWorkbook, type UnitScoresWorkbookInput } from '../ledger/scores-workbook.js';
import { buildSignoff } from './signoff-document.js';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export { XLSX_TYPE };

export interface RenderedFile {
  name: string;
  type: string;
  body: Buffer;
}

const ALL: AccessScope = { all: true };

export type { InspectionDocRow } from './documents.repository.js';
export type { OrderDocInput } from './order-document.js';
export type { RoundCompilationInput } from './round-document.js';
export type { LookbackReportInput } from './lookback-document.js';
export type { UnitScoresWorkbookInput } from '../ledger/scores-workbook.js';

// The Word documents (and the notice as text): built from live data in the request, audited, never stored.
@Injectable()
export class DocumentsService {
  constructor(
    private readonly repository: DocumentsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The inspection as the documents show it (also what a public notice is drafted from); 404 when there is none. */
  async inspection(id: string): Promise<InspectionDocRow> {
    const inspection = await this.repository.findInspection(id);
    if (!inspection) throw new AppError('NOT_FOUND', '巡视（巡察）不存在或无权查看');
    return inspection;
  }

  private async ledger(
    inspectionId: string,
  ): Promise<{ problems: ProblemDocRow[]; measures: Map<string, MeasureDocRow[]> }> {
    const problems = await this.repository.findProblems({ inspectionId }, ALL);
    const measures = new Map<string, MeasureDocRow[]>();
    for (const measure of await this.repository.findMeasures(
      problems.map((problem) => problem.id),
      ALL,
    )) {
      measures.set(measure.problemId, [...(measures.get(measure.problemId) ?? []), measure]);
    }
    return { problems, measures };
  }

  // report and notice cover the whole inspection: the route admits only the task force and supervisors
  async notice(inspectionId: string, query: NoticeExportQueryDto, format: 'docx' | 'txt'): Promise<RenderedFile> {
    const inspection = await this.inspection(inspectionId);
    const [categories, { problems, measures }, effectiveness] = await Promise.all([
      this.repository.findCategories(inspectionId),
      this.ledger(inspectionId),
      this.repository.effectivenessCounts(inspectionId),
    ]);
    const document = buildNotice({
      inspection,
      categories,
      problems,
      measures,
      effectiveness,
      date: query.date ?? this.clock.today(),
      organisationText: query.organisation,
    });
    await this.audit.record({
      action: 'NOTICE_EXPORTED',
      entityType: 'inspection',
      entityId: inspectionId,
      detail: {
        format,
        problems: problems.length,
        date: query.date ?? null,
        organisationGiven: Boolean(query.organisation),
      },
    });
    return this.render(document, `${roundName(inspection)}整改进展情况的通报`, format);
  }

  async report(inspectionId: string, query: ReportExportQueryDto): Promise<RenderedFile> {
    const inspection = await this.inspection(inspectionId);
    const [{ problems, measures }, outcomes] = await Promise.all([
      this.ledger(inspectionId),
      this.repository.outcomeTotals(inspectionId),
    ]);
    const today = this.clock.today();
    const document = buildReport({
      inspection,
      problems,
      measures,
      outcomes,
      today,
      date: query.date ?? today,
      countDeemedAsComplete: query.countDeemedAsComplete ?? true,
    });
    await this.audit.record({
      action: 'REPORT_EXPORTED',
      entityType: 'inspection',
      entityId: inspectionId,
      detail: { problems: problems.length, countDeemedAsComplete: query.countDeemedAsComplete ?? true },
    });
    return this.render(document, `${roundName(inspection)}整改进展情况报告`, 'docx');
  }

  /** A unit account may export the problems it works on; anything else is not found. */
  async signoff(problemId: string, query: { date?: string }, actor: Actor): Promise<RenderedFile> {
    const scope = scopeOf(actor);
    const [problem] = await this.repository.findProblems({ id: problemId }, scope);
    if (!problem) throw new AppError('NOT_FOUND', '问题不存在或无权查看');
    const inspection = await this.inspection(problem.inspectionId);
    // a unit's sheet lists the measures it works on, as its problem detail does
    const measures = await this.repository.findMeasures([problem.id], scope);
    const ids = measures.map((measure) => measure.id);
    const [evidence, events] = await Promise.all([
      this.repository.findEvidence(ids),
      this.repository.findReviewEvents(ids),
    ]);
    const document = buildSignoff({
      inspection,
      problem,
      measures,
      evidence,
      events,
      date: query.date ?? this.clock.today(),
    });
    await this.audit.record({
      action: 'SIGNOFF_EXPORTED',
      entityType: 'problem',
      entityId: problemId,
      detail: { measures: measures.length },
    });
    return this.render(document, `${problem.label.replace(/[.、]$/, '')}号问题对账销号单`, 'docx');
  }

  /** A 督办单 as a Word document (the supervision-orders module checks access and audits). */
  order(input: OrderDocInput): Promise<RenderedFile> {
    return this.render(buildOrder(input), `整改督办单${input.number}`, 'docx');
  }

  /** 第N期整改进展情况 as a Word document (the report-rounds module checks access and audits). */
  roundReport(input: RoundCompilationInput): Promise<RenderedFile> {
    return this.render(buildRoundReport(input), `${input.number}整改进展情况`, 'docx');
  }

  /** 第N期整改进展情况 as a workbook (the report-rounds module checks access and audits). */
  async roundWorkbook(input: RoundCompilationInput): Promise<RenderedFile> {
    return {
      name: `${safeFileName(`${input.number}整改进展情况`)}.xlsx`,
      type: XLSX_TYPE,
      body: await buildRoundWorkbook(input),
    };
  }

  /** 第N次回头看情况报告 as a Word document (the lookbacks module checks access and audits). */
  lookbackReport(input: LookbackReportInput): Promise<RenderedFile> {
    return this.render(buildLookbackReport(input), `${input.number}情况报告`, 'docx');
  }

  /** 第N次回头看情况 as a workbook (the lookbacks module checks access and audits). */
  async lookbackWorkbook(input: LookbackReportInput): Promise<RenderedFile> {
    return {
      name: `${safeFileName(`${input.number}情况`)}.xlsx`,
      type: XLSX_TYPE,
      body: await buildLookbackWorkbook(input),
    };
  }

  /** 单位考核排名 as a workbook (the scoring module checks access, scopes the rows and audits). */
  async unitScoresWorkbook(input: UnitScoresWorkbookInput): Promise<RenderedFile> {
    return {
      name: `${safeFileName(`${input.title}单位考核排名`)}.xlsx`,
      type: XLSX_TYPE,
      body: await buildUnitScoresWorkbook(input),
    };
  }

  private async render(document: WordDocument, name: string, format: 'docx' | 'txt'): Promise<RenderedFile> {
    if (format === 'txt') {
      return {
        name: `${safeFileName(name)}.txt`,
        type: 'text/plain; charset=utf-8',
        body: Buffer.from(renderText(document), 'utf8'),
      };
    }
    return { name: `${safeFileName(name)}.docx`, type: DOCX_TYPE, body: await renderDocx(document) };
  }
}
