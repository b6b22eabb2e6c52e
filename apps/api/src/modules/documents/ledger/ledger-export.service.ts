import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
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
  MEASURE_BATCH_SIZE,
  type Keyset,
  type LedgerFilter,
  type LedgerInspectionRow,
  type LedgerMeasureRow,
  type LedgerProblemRow,
} from './ledger.repository.js';
import { eachBatch, type BatchSource } from './batches.js';
import { removeStaleSpools, XlsxStream, type XlsxSheetSpec } from './xlsx-stream.js';

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

const EVIDENCE_NAMES = 20; // the batch statement joins the first 20 names
/** Batches of measures read while the current one is written, each on its own pooled connection. */
const READ_AHEAD = 2;

function signOffText(row: LedgerMeasureRow): string | null {
  if (!row.approvedAt) return null;
  const day = new Date(new Date(row.approvedAt).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  const outcome = row.approvedOutcome ? `（${MEASURE_STATUS_LABELS[row.approvedOutcome]}）` : '';
  return `${chineseDate(day)}同意销号${outcome}${row.approvalOpinion ? `：${row.approvalOpinion}` : ''}`;
}

function evidenceText(row: LedgerMeasureRow): string | null {
  if (row.evidenceCount === 0) return null;
  const more = row.evidenceCount > EVIDENCE_NAMES ? '等' : '';
  return `${row.evidenceCount}份：${row.evidenceNames ?? ''}${more}`;
}

export interface LedgerWriteOptions {
  /** Rows written so far of `total`, after every batch; awaited, so a slow reporter slows the export. */
  onProgress?: (done: number, total: number) => void | Promise<void>;
}

// The 整改台账 workbook, streamed: our own xlsx writer (xlsx-stream.ts) writes into the response while keyset batches
// of measures are read, so memory stays flat whatever the size of the ledger.
@Injectable()
export class LedgerExportService implements OnApplicationBootstrap {
  private readonly logger = new Logger(LedgerExportService.name);

  constructor(
    private readonly repository: LedgerRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Spool folders of exports cut short by a crash or a kill (their process is gone) are removed at start-up. */
  async onApplicationBootstrap(): Promise<void> {
    try {
      const removed = await removeStaleSpools();
      if (removed > 0) this.logger.log(`removed ${removed} stale spool folder(s)`);
    } catch (error) {
      this.logger.warn(`stale spool folders not removed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

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
   * `onProgress(done, total)` is called after every batch of every measure sheet (three calls per batch of
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
    // the count (for the progress) runs beside the first reads instead of before them; it is awaited by the first
    // report of progress
    const counting = onProgress
      ? this.repository.countMeasures(inspection.id, filter, scope, today).then((count) => 3 * count)
      : Promise.resolve(0);
    counting.catch(() => undefined); // a failure surfaces where it is awaited
    let total = 0;
    let done = 0;
    const progressed = async (rows: number) => {
      total = await counting;
      done = Math.min(total, done + rows);
      if (onProgress) await onProgress(done, total);
    };

    const book = new XlsxStream(output, specs, { creator: 'Zhenggai', now: this.clock.now() });
    try {
      const tasks = await book.spool(2);
      const duties = await book.spool(3);
      await book.streamed(0, async (ledger) => {
        let index = 0;
        let flushing: Promise<unknown> = Promise.resolve();
        let pending = 0;
        const written = async () => {
          await flushing;
          if (pending === 0) return;
          const rows = pending;
          pending = 0;
          await progressed(rows);
          await progressed(rows);
          await progressed(rows);
        };
        await this.eachMeasureBatch(inspection.id, filter, scope, today, async (rows) => {
          for (const row of rows) {
            const coUnitText = text(row.coUnits);
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
              text(row.progressText),
              status,
              text(evidenceText(row)),
              text(row.rules),
              text(row.accountability),
              text(signOffText(row)),
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
          // the previous batch is deflated (zlib, in the thread pool) while this one was built: wait for it, then
          // hand this one over; the three sheets deflate side by side
          await written();
          flushing = Promise.all([ledger.flush(), tasks.flush(), duties.flush()]);
          flushing.catch(() => undefined); // awaited by the next `written()`
          pending = rows.length;
        });
        await written();
      });
      await tasks.end();
      await duties.end();

      await book.streamed(1, async (problems) => {
        let index = 0;
        const load = (after: number | null) => {
          const batch = this.repository.problemBatch(inspection.id, filter, scope, today, after);
          batch.catch(() => undefined); // a failure surfaces where the batch is awaited
          return batch;
        };
        // the next batch (keyset on seq) is read while this one is written and deflated
        for (let next: Promise<LedgerProblemRow[]> | null = load(null); next;) {
          const rows: LedgerProblemRow[] = await next;
          next = rows.length < BATCH_SIZE ? null : load(rows[rows.length - 1].seq);
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
        }
      });
      await book.finish();
    } finally {
      await book.dispose();
    }
    if (onProgress) {
      total = await counting;
      await onProgress(total, total);
    }
  }

  /**
   * Measures in batches of MEASURE_BATCH_SIZE, in official order, `handle`d one at a time while READ_AHEAD later
   * batches are read side by side, each on its own pooled connection (`eachBatch`: the first batch by keyset beside
   * one statement that finds where the later ones end, then independent key ranges), so the database works on both
   * cores while the workbook is built.
   */
  private eachMeasureBatch(
    inspectionId: string,
    filter: LedgerFilter,
    scope: AccessScope,
    today: string,
    handle: (rows: LedgerMeasureRow[]) => Promise<void>,
  ): Promise<void> {
    const source: BatchSource<NonNullable<Keyset>, LedgerMeasureRow> = {
      load: (after, upTo, size) => this.repository.measureBatch(inspectionId, filter, scope, today, after, size, upTo),
      boundaries: (size) => this.repository.measureBoundaries(inspectionId, filter, scope, today, size),
      keyOf: (row) => ({ problemSeq: row.problemSeq, seq: row.seq, id: row.id }),
    };
    return eachBatch(source, MEASURE_BATCH_SIZE, READ_AHEAD, handle);
  }
}
