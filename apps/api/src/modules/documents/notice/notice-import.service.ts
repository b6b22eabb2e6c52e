import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { parseNotice } from '@zhenggai/notice-parser';
import { DataSource } from 'typeorm';
import { AppError, type FieldErrors } from '../../../common/errors/app-error.js';
import type { Actor } from '../../../common/http/request-context.js';
import { AuditService } from '../../audit/audit.service.js';
import { InspectionsWriteRepository } from '../../inspections/inspections-write.repository.js';
import { MeasureWritesRepository } from '../../measures/measure-writes.repository.js';
import { ProblemsWriteRepository } from '../../problems/problems-write.repository.js';
import {
  MAX_MEASURES,
  MAX_SOURCE_TEXT,
  isMonthOnly,
  type CommitNoticeDto,
  type NoticeImportResultDto,
  type NoticePreviewDto,
} from '../dto/notice-preview.dto.js';
import {
  NoticeImportRepository,
  type NewInspection,
  type NewMeasure,
  type NewOutcome,
} from './notice-import.repository.js';
import { mapNoticePreview } from './preview.mapper.js';
import { cleanText, extractNoticeText, type UploadedFile } from './text-extraction.js';

const LEVELS: Record<string, string> = {
  中央: 'central',
  省委: 'provincial',
  市委: 'municipal',
  区委: 'county',
  县委: 'county',
};

/** A month-only or empty date stores as no date (the preview keeps the warning). */
const dateOrNull = (value: string | null | undefined): string | null => (value && !isMonthOnly(value) ? value : null);

// Reading a published notice: a preview that writes nothing, then the reviewed preview committed in one transaction.
@Injectable()
export class NoticeImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: NoticeImportRepository,
    private readonly inspections: InspectionsWriteRepository,
    private readonly problems: ProblemsWriteRepository,
    private readonly writes: MeasureWritesRepository,
    private readonly audit: AuditService,
  ) {}

  async preview(text: string | undefined, file: UploadedFile | undefined): Promise<NoticePreviewDto> {
    if (file && text !== undefined) {
      throw new AppError('VALIDATION_FAILED', '请只提供通报文本或文件中的一种', {
        errors: { text: ['已上传文件时不能同时提交文本'] },
      });
    }
    const raw = file ? await extractNoticeText(file) : text;
    if (raw === undefined || raw.trim() === '') {
      throw new AppError('VALIDATION_FAILED', '请粘贴通报文本或上传通报文件', { errors: { text: ['不能为空'] } });
    }
    const source = cleanText(raw);
    const preview = mapNoticePreview(parseNotice(source), source);
    if (source.length > MAX_SOURCE_TEXT) {
      delete preview.sourceText;
      preview.warnings.push({
        code: 'SOURCE_TEXT_NOT_KEPT',
        message: `原文超过 ${MAX_SOURCE_TEXT} 字，导入后不保存原文`,
      });
    }
    return preview;
  }

  async commit(dto: CommitNoticeDto, actor: Actor): Promise<NoticeImportResultDto> {
    const errors = this.check(dto);
    if (dto.defaultLeadUnitId && !(await this.repository.unitExists(dto.defaultLeadUnitId))) {
      errors.defaultLeadUnitId = ['单位不存在或已删除'];
    }
    if (Object.keys(errors).length > 0) throw new AppError('VALIDATION_FAILED', undefined, { errors });

    const meta = dto.inspection;
    const inspection: NewInspection = {
      title: meta.title?.trim() || defaultTitle(dto),
      issuer: meta.issuer,
      kind: meta.kind!,
      level: meta.issuingCommittee ? (LEVELS[meta.issuingCommittee] ?? null) : null,
      term: meta.term,
      issuingCommittee: meta.issuingCommittee,
      round: meta.round,
      group: meta.group,
      inspectionType: meta.inspectionType,
      target: meta.target,
      onSiteFrom: dateOrNull(meta.onSiteFrom),
      onSiteTo: dateOrNull(meta.onSiteTo),
      feedbackDate: dateOrNull(meta.feedbackDate),
      publishedAt: meta.publishedAt ?? null,
      publicityFrom: dateOrNull(meta.publicityFrom),
      publicityTo: dateOrNull(meta.publicityTo),
      contactPhone: meta.contactPhone,
      contactHours: meta.contactHours,
      contactEmail: meta.contactEmail,
      sourceText: dto.sourceText ?? null,
    };
    const problems = dto.problems.map((p) => ({
      seq: p.seq,
      label: p.label.trim(),
      title: p.title.trim(),
      overview: p.overview?.trim() || null,
      categorySeq: p.categorySeq ?? null,
      parentSeq: p.parentSeq ?? null,
    }));
    const measures: NewMeasure[] = dto.problems.flatMap((p) =>
      p.measures.map((m) => ({ problemSeq: p.seq, seq: m.seq, lead: m.lead?.trim() || null, text: m.text.trim() })),
    );
    const outcomes: NewOutcome[] = dto.problems.flatMap((p) => [
      ...p.accountability.map((a): NewOutcome => ({
        problemSeq: p.seq,
        kind: 'accountability',
        form: a.form,
        count: a.count,
        countUnit: a.countUnit,
        rawText: a.rawText,
      })),
      ...p.rules.map((r): NewOutcome => ({
        problemSeq: p.seq,
        kind: 'rule',
        title: r.title,
        role: r.role,
        rawText: r.rawText,
      })),
      ...p.funds.map((f): NewOutcome => ({
        problemSeq: p.seq,
        kind: 'fund',
        fundKind: f.kind,
        amount: f.amount,
        unit: f.unit,
        rawText: f.rawText,
      })),
    ]);
    const leadUnitId = dto.defaultLeadUnitId ?? null;

    return this.dataSource.transaction(async (manager) => {
      const inspectionId = await this.inspections.insertInspection(manager, inspectionColumns(inspection));
      const categoryIds = await this.inspections.insertCategories(manager, inspectionId, dto.categories);
      const problemIds = await this.problems.insertProblems(manager, inspectionId, problems, categoryIds, leadUnitId);
      const measureCount = await this.writes.insertImported(
        manager,
        inspectionId,
        measures.map((m) => ({ problemId: problemIds.get(m.problemSeq)!, seq: m.seq, lead: m.lead, text: m.text })),
        leadUnitId,
        { id: actor.id, name: actor.displayName, source: 'notice' },
      );
      await this.repository.insertOutcomes(manager, inspectionId, outcomes, problemIds);
      await this.audit.record(
        {
          action: 'NOTICE_IMPORTED',
          entityType: 'inspection',
          entityId: inspectionId,
          detail: {
            title: inspection.title,
            categories: dto.categories.length,
            problems: problems.length,
            measures: measureCount,
            accountability: outcomes.filter((o) => o.kind === 'accountability').length,
            rules: outcomes.filter((o) => o.kind === 'rule').length,
            funds: outcomes.filter((o) => o.kind === 'fund').length,
            defaultLeadUnitId: leadUnitId,
            warnings: dto.warnings.length,
          },
        },
        manager,
      );
      return { inspectionId, problems: problems.length, measures: measureCount };
    });
  }

  /** What validation of single fields cannot see: uniqueness, references between items, periods, totals. */
  private check(dto: CommitNoticeDto): FieldErrors {
    const errors: FieldErrors = {};
    const add = (path: string, message: string) => (errors[path] ??= []).push(message);
    const meta = dto.inspection;
    if (!meta.kind) add('inspection.kind', '请选择巡视或巡察');
    const from = dateOrNull(meta.onSiteFrom);
    const to = dateOrNull(meta.onSiteTo);
    const feedback = dateOrNull(meta.feedbackDate);
    if (from && to && to < from) add('inspection.onSiteTo', '进驻结束日期不能早于开始日期');
    if (to && feedback && feedback < to) add('inspection.feedbackDate', '反馈日期不能早于进驻结束日期');
    const publicityFrom = dateOrNull(meta.publicityFrom);
    const publicityTo = dateOrNull(meta.publicityTo);
    if (publicityFrom && publicityTo && publicityTo < publicityFrom)
      add('inspection.publicityTo', '公开结束日期不能早于开始日期');

    const categorySeqs = new Set<number>();
    dto.categories.forEach((category, index) => {
      if (categorySeqs.has(category.seq)) add(`categories[${index}].seq`, '类别序号重复');
      categorySeqs.add(category.seq);
    });
    const problemSeqs = new Set<number>();
    let measureTotal = 0;
    dto.problems.forEach((problem, index) => {
      // the same path form as the validator's messages (problems.3.measures.0.text)
      const path = `problems.${index}`;
      if (problemSeqs.has(problem.seq)) add(`${path}.seq`, '问题序号重复');
      if (problem.categorySeq != null && !categorySeqs.has(problem.categorySeq))
        add(`${path}.categorySeq`, '所属类别不存在');
      // a parent is printed before its sub-problems
      if (problem.parentSeq != null && (!problemSeqs.has(problem.parentSeq) || problem.parentSeq === problem.seq)) {
        add(`${path}.parentSeq`, '上级问题不存在');
      }
      problemSeqs.add(problem.seq);
      const measureSeqs = new Set<number>();
      problem.measures.forEach((measure, measureIndex) => {
        if (measureSeqs.has(measure.seq)) add(`${path}.measures.${measureIndex}.seq`, '措施序号重复');
        measureSeqs.add(measure.seq);
      });
      measureTotal += problem.measures.length;
    });
    if (measureTotal > MAX_MEASURES) add('problems', `整改措施合计不能超过 ${MAX_MEASURES} 项`);
    return errors;
  }
}

function defaultTitle(dto: CommitNoticeDto): string {
  const meta = dto.inspection;
  const kind = meta.kind === 'xuncha' ? '巡察' : '巡视';
  const round = meta.round ? `第${meta.round}轮` : '';
  return `${meta.issuer ?? ''}${meta.term ?? ''}${meta.issuingCommittee ?? ''}${round}${kind}整改`.slice(0, 200);
}

/** The inspection's columns as the notice gives them. */
function inspectionColumns(inspection: NewInspection): Record<string, unknown> {
  return {
    title: inspection.title,
    issuer: inspection.issuer,
    kind: inspection.kind,
    level: inspection.level,
    term: inspection.term,
    issuing_committee: inspection.issuingCommittee,
    round: inspection.round,
    inspection_group: inspection.group,
    inspection_type: inspection.inspectionType,
    target: inspection.target,
    on_site_from: inspection.onSiteFrom,
    on_site_to: inspection.onSiteTo,
    feedback_date: inspection.feedbackDate,
    published_at: inspection.publishedAt,
    publicity_from: inspection.publicityFrom,
    publicity_to: inspection.publicityTo,
    contact_phone: inspection.contactPhone,
    contact_hours: inspection.contactHours,
    contact_email: inspection.contactEmail,
    source_text: inspection.sourceText,
  };
}
