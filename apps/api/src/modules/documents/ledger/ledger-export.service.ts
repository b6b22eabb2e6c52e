import { Injectable, Logger } from '@nestjs/common';
import type { Response } from 'express';
import type { Writable } from 'node:stream';
import { MEASURE_STATUS_LABELS, MEASURE_TERM_LABELS, PROBLEM_STATUS_LABELS } from '@zhenggai/domain';
import { scopeOf, type AccessScope } from '../../../common/auth/access-scope.js';
import { Clock } from '../../../common/clock.js';
import { AppError } from '../../../common/errors/app-error.js';
import type { Actor } from '../../../common/http/request-context.js';
import { AuditService } from '../../audit/audit.service.js';
import { contentDisposition } from '../../attachments/file-name.js';
import { chineseDate, roundName, safeFileName } from '../chinese.js';
import type { LedgerExportQueryDto } from '../dto/export-query.dto.js';
import { LEDGER_COLUMNS, LONG_TERM, excelDate, neutraliseFormula } from './ledger-columns.js';
import {
  BATCH_SIZE,
  LedgerRepository,
  type Keyset,
  type LedgerFilter,
  type LedgerInspectionRow,
  type LedgerMeasureRow,
  type MeasureExtrasRow,
  type ProblemOutcomeRow,
} from './ledger.repository.js';
import { XlsxStream, type XlsxSheetSpec } from './xlsx-stream.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_CELL = 32000; // Excel holds at most 32,767 characters in a cell

// undefined leaves the cell out altogether (no empty cell to write)
type CellInput = string | number | Date | undefined;

const text = (value: string | null | undefined): string | undefined =>
  value === null || value === undefined || value === ''
    ? undefined
    : neutraliseFormula(value.length > MAX_CELL ? value.slice(0, MAX_CELL) : value);

interface SheetSpec {
  name: string;
  columns: ReadonlyArray<{ header: string; width: number }>;
}

const PROBLEM_SHEET: SheetSpec = {
  name: '问题清单',
  columns: [
    { header: '序号', width: 6 },
    { header: '问题编号', width: 8 },
    { header: '问题类别', width: 14 },
    { header: '具体问题', width: 36 },
    { header: '责任领导', width: 10 },
    { header: '牵头单位', width: 16 },
    { header: '整改措施数', width: 10 },
    { header: '已完成措施', width: 10 },
    { header: '完成时限', width: 12 },
    { header: '完成情况', width: 10 },
  ],
};

const TASK_SHEET: SheetSpec = {
  name: '任务清单',
  columns: [
    { header: '序号', width: 6 },
    { header: '问题编号', width: 8 },
    { header: '措施序号', width: 8 },
    { header: '具体问题', width: 28 },
    { header: '整改措施', width: 56 },
    { header: '整改类型', width: 10 },
    { header: '完成时限', width: 12 },
    { header: '完成情况', width: 10 },
  ],
};

const RESPONSIBILITY_SHEET: SheetSpec = {
  name: '责任清单',
  columns: [
    { header: '序号', width: 6 },
    { header: '问题编号', width: 8 },
    { header: '措施序号', width: 8 },
    { header: '整改措施', width: 48 },
    { header: '责任领导', width: 10 },
    { header: '牵头单位', width: 16 },
    { header: '配合单位', width: 22 },
    { header: '责任人', width: 10 },
    { header: '完成时限', width: 12 },
  ],
};

const LEDGER_SHEET: SheetSpec = { name: '整改台账', columns: LEDGER_COLUMNS };

const deadlineCell = (deadline: string | null, term: string): CellInput =>
  deadline ? excelDate(deadline) : term === 'long_term' ? LONG_TERM : undefined;

function accountabilityText(items: ProblemOutcomeRow['accountability']): string | null {
  if (items.length === 0) return null;
  return items
    .map((item) => (item.count === null ? item.form : `${item.form}${item.count}${item.unit ?? ''}`))
    .join('；');
}

function signOffText(extras: MeasureExtrasRow | undefined): string | null {
  if (!extras?.approvedAt) return null;
  const day = new Date(new Date(extras.approvedAt).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  const outcome = extras.approvedOutcome ? `（${MEASURE_STATUS_LABELS[extras.approvedOutcome]}）` : '';
  return `${chineseDate(day)}同意销号${outcome}${extras.approvalOpinion ? `：${extras.approvalOpinion}` : ''}`;
}

function evidenceText(extras: MeasureExtrasRow | undefined): string | null {
  if (!extras || extras.evidenceCount === 0) return null;
  const more = extras.evidenceCount > extras.evidenceNames.length ? '等' : '';
  return `${extras.evidenceCount}份：${extras.evidenceNames.join('、')}${more}`;
}

export interface LedgerWriteOptions {
  /** Rows written so far of `total`, after every batch; awaited, so a slow reporter slows the export. */
  onProgress?: (done: number, total: number) => void | Promise<void>;
}

// The 整改台账 workbook, streamed: our own xlsx writer (xlsx-stream.ts) writes into the response while keyset batches
// of 1,000 measures are read, so memory stays flat whatever the size of the ledger.
@Injectable()
export class LedgerExportService {
  private readonly logger = new Logger(LedgerExportService.name);

  constructor(
    private readonly repository: LedgerRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async export(inspectionId: string, query: LedgerExportQueryDto, actor: Actor, response: Response): Promise<void> {
    const scope = scopeOf(actor);
    const inspection = await this.repository.findInspection(inspectionId, scope);
    if (!inspection) throw new AppError('NOT_FOUND', '巡视（巡察）不存在或无权查看');
    const filter: LedgerFilter = { status: query.status, unitId: query.unitId, light: query.light, q: query.q };
    await this.audit.record({
      action: 'LEDGER_EXPORTED',
      entityType: 'inspection',
      entityId: inspectionId,
      detail: { filter: { ...filter }, scoped: !scope.all },
    });
    response.status(200);
    response.setHeader('Content-Type', XLSX_TYPE);
    response.setHeader(
      'Content-Disposition',
      contentDisposition(`${safeFileName(roundName(inspection))}整改台账.xlsx`),
    );
    try {
      await this.write(inspection, filter, scope, response);
    } catch (error) {
      // the headers are gone: the only signal left is a broken download
      this.logger.error(error instanceof Error ? error.message : String(error));
      response.destroy(error instanceof Error ? error : undefined);
    }
  }

  /**
   * Writes the workbook to `output` (the response, or any writable stream), honouring its backpressure, in two
   * passes over the database: the measures once (整改台账 written into the zip as it goes, 任务清单 and 责任清单
   * deflated into temporary files beside it and copied in at the end), then the problems (问题清单).
   * `onProgress(done, total)` is called after every batch of every measure sheet (three calls per batch of 1,000
   * measures), `done` never decreasing and the last call with `done === total`; the unit is rows written of the
   * three measure sheets, so `total` is three times the measures exported.
   */
  async write(
    inspection: LedgerInspectionRow,
    filter: LedgerFilter,
    scope: AccessScope,
    output: Writable,
    options: LedgerWriteOptions = {},
  ): Promise<void> {
    const today = this.clock.today();
    const title = `${inspection.issuer ?? ''}${roundName(inspection)}整改台账`;
    const exported = `（${chineseDate(today)}导出）`;
    const specs: XlsxSheetSpec[] = [
      { ...LEDGER_SHEET, title: `${title}${exported}` },
      { ...PROBLEM_SHEET, title: `${title}——问题清单${exported}` },
      { ...TASK_SHEET, title: `${title}——任务清单${exported}` },
      { ...RESPONSIBILITY_SHEET, title: `${title}——责任清单${exported}` },
    ];
    const onProgress = options.onProgress;
    const total = onProgress ? 3 * (await this.repository.countMeasures(inspection.id, filter, scope, today)) : 0;
    let done = 0;
    const progressed = async (rows: number) => {
      done = Math.min(total, done + rows);
      if (onProgress) await onProgress(done, total);
    };

    const book = new XlsxStream(output, specs, { creator: 'Zhenggai', now: this.clock.now() });
    try {
      const tasks = await book.spool(2);
      const duties = await book.spool(3);
      await book.streamed(0, async (ledger) => {
        let index = 0;
        const enrich = async (rows: LedgerMeasureRow[]) => {
          const ids = rows.map((row) => row.id);
          const [extrasBy, coUnits, outcomes] = await Promise.all([
            this.repository.measureExtras(ids),
            this.repository.coUnits(ids),
            this.repository.problemOutcomes([...new Set(rows.map((row) => row.problemId))]),
          ]);
          return { extrasBy, coUnits, outcomes };
        };
        await this.eachMeasureBatch(
          inspection.id,
          filter,
          scope,
          today,
          enrich,
          async (rows, { extrasBy, coUnits, outcomes }) => {
            const outcomesBy = new Map(outcomes.map((row) => [row.problemId, row]));
            for (const row of rows) {
              const extra = extrasBy.get(row.id);
              const outcome = outcomesBy.get(row.problemId);
              const coUnitText = text((coUnits.get(row.id) ?? []).join('、'));
              const deadline = deadlineCell(row.deadline, row.term);
              const problemLabel = text(row.problemLabel);
              const measureText = text(row.text);
              const leader = text(row.leaderName);
              const leadUnit = text(row.leadUnitName);
              const person = text(row.personName);
              const status = MEASURE_STATUS_LABELS[row.status];
              index++;
              ledger.rows.add([
                index,
                problemLabel,
                row.seq,
                text(row.categoryTitle),
                text(row.problemTitle),
                measureText,
                leader,
                leadUnit,
                coUnitText,
                person,
                deadline,
                text(extra?.progressText),
                status,
                text(evidenceText(extra)),
                text(outcome?.rules.map((rule) => (rule.startsWith('《') ? rule : `《${rule}》`)).join('、')),
                text(accountabilityText(outcome?.accountability ?? [])),
                text(signOffText(extra)),
                text(row.remarks),
              ]);
              tasks.rows.add([
                index,
                problemLabel,
                row.seq,
                text(row.problemTitle),
                measureText,
                MEASURE_TERM_LABELS[row.term],
                deadline,
                status,
              ]);
              duties.rows.add([
                index,
                problemLabel,
                row.seq,
                measureText,
                leader,
                leadUnit,
                coUnitText,
                person,
                deadline,
              ]);
            }
            // the three sheets deflate side by side (zlib works in the thread pool)
            await Promise.all([ledger.flush(), tasks.flush(), duties.flush()]);
            await progressed(rows.length);
            await progressed(rows.length);
            await progressed(rows.length);
          },
        );
      });
      await tasks.end();
      await duties.end();

      await book.streamed(1, async (problems) => {
        let index = 0;
        for (let after: number | null = null; ;) {
          const rows = await this.repository.problemBatch(inspection.id, filter, scope, today, after);
          for (const row of rows) {
            problems.rows.add([
              ++index,
              text(row.label),
              text(row.categoryTitle),
              text(row.title),
              text(row.leaderName),
              text(row.leadUnitName),
              row.measureCount,
              row.doneCount,
              row.lastDeadline ? excelDate(row.lastDeadline) : row.longTerm ? LONG_TERM : undefined,
              PROBLEM_STATUS_LABELS[row.status],
            ]);
          }
          await problems.flush();
          if (rows.length < BATCH_SIZE) break;
          after = rows[rows.length - 1].seq;
        }
      });
      await book.finish();
    } finally {
      await book.dispose();
    }
    if (onProgress) await onProgress(total, total);
  }

  /**
   * Measures in keyset batches of 1,000, each with what `enrich` reads for it. The next batch (and its enrichment)
   * is read while the current one is written, so the database and the workbook work side by side.
   */
  private async eachMeasureBatch<T>(
    inspectionId: string,
    filter: LedgerFilter,
    scope: AccessScope,
    today: string,
    enrich: (rows: LedgerMeasureRow[]) => Promise<T>,
    handle: (rows: LedgerMeasureRow[], extra: T) => Promise<void>,
  ): Promise<void> {
    const load = (after: Keyset) => {
      const rows = this.repository.measureBatch(inspectionId, filter, scope, today, after);
      const extra = rows.then(enrich);
      // a failure surfaces where the batch is awaited, not as an unhandled rejection of the read-ahead
      rows.catch(() => undefined);
      extra.catch(() => undefined);
      return { rows, extra };
    };
    let current = load(null);
    for (;;) {
      const rows = await current.rows;
      const last = rows[rows.length - 1];
      const next =
        rows.length === BATCH_SIZE ? load({ problemSeq: last.problemSeq, seq: last.seq, id: last.id }) : null;
      const extra = await current.extra;
      if (rows.length > 0) await handle(rows, extra);
      if (!next) return;
      current = next;
    }
  }
}
