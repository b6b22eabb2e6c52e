import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { deriveProblemStatus, type MeasureStatus, type MeasureTerm, type ProblemStatus } from '@zhenggai/domain';
import type { AccessScope } from '../../common/auth/access-scope.js';
import type { Actor } from '../../common/http/request-context.js';
import { assignedToSql, SqlParams } from '../../common/sql.js';
import { updateIfVersion, type ColumnValues } from '../../common/versioned-update.js';
import { PgQuery } from '../../database/pg-query.js';
import type { AuditService } from '../audit/audit.service.js';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import type { LockedMeasure, MeasureEventInput, UnitShare } from './measure-ledger.js';
import { MeasureUnitEntity } from './measure-unit.entity.js';
import { measureAnswerSql, type MeasureRow, type MeasureUnitRow } from './measures.repository.js';
import { MeasureEntity } from './measure.entity.js';
import { ProgressUpdateEntity } from './progress-update.entity.js';

export interface NewMeasure {
  problemId: string;
  inspectionId: string;
  seq: number;
  lead: string | null;
  text: string;
  term: MeasureTerm | string;
  deadline: string | null;
  leadUnitId: string | null;
  responsibleLeaderId: string | null;
  responsiblePersonId: string | null;
  remarks?: string | null;
}

/** A measure as an urge (催办) names it, locked for the urge's transaction. */
export interface UrgedMeasure {
  id: string;
  problemId: string;
  label: string;
  problemTitle: string;
  text: string;
  status: string;
  unitIds: string[];
  unitNames: string[];
}

export interface NewProgress {
  measureId: string;
  unitId: string;
  reportedOn: string;
  text: string;
  facts: unknown[];
  authorId: string;
}

/** A checkpoint the daily sweep put into the officers' review list. */
export interface QueuedCheckpoint {
  checkpointId: string;
  measureId: string;
  problemId: string;
  dueOn: string;
  title: string | null;
  label: string;
  text: string;
  /** days past its date (0 on the day) */
  days: number;
}

/** A checkpoint locked for its review. */
export interface LockedCheckpoint {
  id: string;
  measureId: string;
  dueOn: string;
  title: string | null;
  reviewStatus: 'open' | 'pending' | 'done';
}

/** A one-statement edit: which columns, to what, and who may. */
/** An edited measure as the detail read gives it (timestamps as ISO strings: it comes back as JSON). */
export type MeasureAnswerRow = MeasureRow & { units: MeasureUnitRow[] };

export interface FieldEdit {
  id: string;
  version: number;
  /** field name (as the API names it) → column */
  columns: Record<string, string>;
  values: Record<string, unknown>;
  scope: AccessScope;
  /** null: an officer (any unit); otherwise the editor's unit must share the measure */
  ownUnitId: string | null;
  actor: Actor;
}

/**
 * The one write path of a measure: every INSERT, UPDATE and DELETE of `measure`, `measure_unit`, `measure_event`,
 * `measure_checkpoint` and `progress_update` is a method here, and runs in the caller's transaction (`manager`).
 * Services decide (scope, state machine, versions, audit); this class writes.
 */
@Injectable()
export class MeasureWritesRepository {
  private readonly pg: PgQuery;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.pg = new PgQuery(dataSource);
  }

  /** Locks a measure the scope may see (FOR UPDATE), or returns null. */
  async lock(manager: EntityManager, id: string, scope: AccessScope): Promise<LockedMeasure | null> {
    const params = new SqlParams();
    const where = [`m.id = ${params.add(id)}`, 'm.deleted_at IS NULL'];
    if (!scope.all) where.push(assignedToSql('m', params.add(scope.unitIds)));
    const rows = (await manager.query(
      `SELECT m.id, m.problem_id AS "problemId", m.inspection_id AS "inspectionId", m.status, m.version, m.deadline, m.term,
              m.lead_unit_id AS "leadUnitId"
       FROM measure m WHERE ${where.join(' AND ')} FOR UPDATE OF m`,
      params.values,
    )) as LockedMeasure[];
    return rows[0] ?? null;
  }

  /** The measure's units (lead first) with each one's status. */
  async unitShares(manager: EntityManager, measureId: string): Promise<UnitShare[]> {
    return (await manager.query(
      `SELECT unit_id AS "unitId", role, status FROM measure_unit WHERE measure_id = $1 ORDER BY role DESC, created_at`,
      [measureId],
    )) as UnitShare[];
  }

  /** The status of some of the measure's units, or of all of them. */
  async setUnitStatus(
    manager: EntityManager,
    measureId: string,
    unitIds: string[] | 'all',
    status: MeasureStatus,
  ): Promise<void> {
    if (unitIds === 'all') {
      await manager.query(
        `UPDATE measure_unit SET status = $2, updated_at = now(), version = version + 1 WHERE measure_id = $1`,
        [measureId, status],
      );
    } else {
      await manager.query(
        `UPDATE measure_unit SET status = $3, updated_at = now(), version = version + 1 WHERE measure_id = $1 AND unit_id = ANY($2)`,
        [measureId, unitIds, status],
      );
    }
  }

  /** One history row. */
  async insertEvent(manager: EntityManager, event: MeasureEventInput): Promise<void> {
    await manager.query(
      `INSERT INTO measure_event (measure_id, action, from_status, to_status, unit_id, actor_id, actor_name, opinion, attachment_ids, detail)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        event.measureId,
        event.action,
        event.fromStatus ?? null,
        event.toStatus ?? null,
        event.unitId ?? null,
        event.actorId,
        event.actorName,
        event.opinion ?? null,
        event.attachmentIds ?? [],
        event.detail ? JSON.stringify(event.detail) : null,
      ],
    );
  }

  /** Many history rows in one statement (e.g. a bulk 催办: one per measure and unit). */
  async insertEvents(manager: EntityManager, events: MeasureEventInput[]): Promise<void> {
    if (events.length === 0) return;
    await manager.query(
      `INSERT INTO measure_event (measure_id, action, from_status, to_status, unit_id, actor_id, actor_name, opinion, attachment_ids, detail)
       SELECT e.measure_id, e.action, e.from_status, e.to_status, e.unit_id, e.actor_id, e.actor_name, e.opinion,
              coalesce(e.attachment_ids, '{}'), e.detail
       FROM jsonb_to_recordset($1::jsonb) AS e(measure_id uuid, action text, from_status text, to_status text, unit_id uuid,
            actor_id uuid, actor_name text, opinion text, attachment_ids uuid[], detail jsonb)`,
      [
        JSON.stringify(
          events.map((event) => ({
            measure_id: event.measureId,
            action: event.action,
            from_status: event.fromStatus ?? null,
            to_status: event.toStatus ?? null,
            unit_id: event.unitId ?? null,
            actor_id: event.actorId,
            actor_name: event.actorName,
            opinion: event.opinion ?? null,
            attachment_ids: event.attachmentIds ?? [],
            detail: event.detail ?? null,
          })),
        ),
      ],
    );
  }

  /**
   * Locks the live measures of an urge (in id order: two bulk urges never deadlock) and reads how the urge names
   * them, in official order.
   */
  async lockForUrge(manager: EntityManager, ids: string[]): Promise<UrgedMeasure[]> {
    await manager.query(`SELECT id FROM measure WHERE id = ANY($1) AND deleted_at IS NULL ORDER BY id FOR UPDATE`, [
      ids,
    ]);
    return (await manager.query(
      `SELECT m.id, m.problem_id AS "problemId", m.status, m.text, p.title AS "problemTitle",
              p.label || '(' || m.seq || ')' AS label,
              coalesce(array_agg(mu.unit_id ORDER BY mu.role DESC, mu.created_at) FILTER (WHERE mu.unit_id IS NOT NULL), '{}') AS "unitIds",
              coalesce(array_agg(un.name ORDER BY mu.role DESC, mu.created_at) FILTER (WHERE mu.unit_id IS NOT NULL), '{}') AS "unitNames"
       FROM measure m JOIN problem p ON p.id = m.problem_id LEFT JOIN measure_unit mu ON mu.measure_id = m.id
       LEFT JOIN unit un ON un.id = mu.unit_id
       WHERE m.id = ANY($1) AND m.deleted_at IS NULL
       GROUP BY m.id, p.label, p.seq, p.title ORDER BY p.seq, m.seq`,
      [ids],
    )) as UrgedMeasure[];
  }

  /**
   * Re-derives the status of the measures' problem from its live measures (deriveProblemStatus); audited when it
   * changes. The one write of `problem` on the measure path: a measure's change is what moves its problem's status.
   */
  async refreshProblemStatus(manager: EntityManager, problemId: string, audit: AuditService): Promise<ProblemStatus> {
    const [row] = (await manager.query(
      `SELECT p.status, coalesce(array_agg(m.status) FILTER (WHERE m.id IS NOT NULL), '{}') AS statuses
       FROM problem p LEFT JOIN measure m ON m.problem_id = p.id AND m.deleted_at IS NULL
       WHERE p.id = $1 GROUP BY p.id`,
      [problemId],
    )) as Array<{ status: ProblemStatus; statuses: MeasureStatus[] }>;
    if (!row) return 'in_progress';
    const derived = deriveProblemStatus(row.statuses);
    if (derived !== row.status) {
      await manager.query(`UPDATE problem SET status = $2, updated_at = now() WHERE id = $1`, [problemId, derived]);
      await audit.record(
        {
          action: 'PROBLEM_STATUS_DERIVED',
          entityType: 'problem',
          entityId: problemId,
          before: { status: row.status },
          after: { status: derived },
        },
        manager,
      );
    }
    return derived;
  }

  /** The current values of some columns (the before image of an edit). */
  async fieldValues(
    manager: EntityManager,
    id: string,
    columns: Record<string, string>,
  ): Promise<Record<string, unknown>> {
    const [row] = (await manager.query(
      `SELECT ${Object.entries(columns)
        .map(([field, column]) => `"${column}" AS "${field}"`)
        .join(', ')} FROM measure WHERE id = $1`,
      [id],
    )) as Array<Record<string, unknown>>;
    return row;
  }

  /** Overwrites columns whatever the version (an import that planned against what it read in its transaction). */
  async overwrite(manager: EntityManager, id: string, columns: ColumnValues): Promise<void> {
    const params = new SqlParams();
    const idParam = params.add(id);
    const sets = Object.entries(columns).map(([column, value]) => `"${column}" = ${params.add(value)}`);
    await manager.query(
      `UPDATE measure SET ${sets.join(', ')}, version = version + 1, updated_at = now() WHERE id = ${idParam}`,
      params.values,
    );
  }

  /** The status rolled up from the units, without touching the version (it follows the units' own change). */
  async setRolledUpStatus(manager: EntityManager, id: string, status: MeasureStatus): Promise<void> {
    await manager.query(`UPDATE measure SET status = $2 WHERE id = $1`, [id, status]);
  }

  /** `UPDATE measure … WHERE version = $v`: false when the version is stale. */
  async update(manager: EntityManager, id: string, version: number, columns: ColumnValues): Promise<boolean> {
    return (await updateIfVersion(manager, 'measure', id, version, columns)) !== null;
  }

  /**
   * The hot path of an edit: lock, scope and unit check, version check, before image, update, history and audit in
   * one statement — one round trip and one implicit transaction instead of eight. The locked row is the latest
   * committed one, so the before image is exact; a stale version updates nothing and writes no history.
   */
  async updateFieldsAtOnce(
    edit: FieldEdit,
    audit: AuditService,
  ): Promise<{ found: number; own: boolean | null; changed: number; answer: MeasureAnswerRow | null }> {
    const { id, version, columns, values, scope, ownUnitId, actor } = edit;
    const fields = Object.keys(columns);
    const params = new SqlParams();
    const idParam = params.add(id);
    const visible = scope.all ? 'TRUE' : assignedToSql('m', params.add(scope.unitIds));
    const own =
      ownUnitId === null
        ? 'TRUE'
        : `EXISTS (SELECT 1 FROM measure_unit mu WHERE mu.measure_id = m.id AND mu.unit_id = ${params.add(ownUnitId)}::uuid)`;
    const before = `jsonb_build_object(${fields.map((field) => `'${field}', m."${columns[field]}"`).join(', ')})`;
    const sets = fields.map((field) => `"${columns[field]}" = ${params.add(values[field])}`);
    const after = Object.fromEntries(fields.map((field) => [field, values[field]]));
    const afterParam = `${params.add(JSON.stringify(after))}::jsonb`;
    const audited = audit.insertColumns(
      { action: 'MEASURE_UPDATED', entityType: 'measure', entityId: id, after },
      params,
      't.before',
    );
    // one statement, its own implicit transaction: on the pool directly, prepared (`PgQuery`; the text depends only
    // on the fields edited and the kind of scope)
    const [row] = await this.pg.query<{
      found: number;
      own: boolean | null;
      changed: number;
      answer: MeasureAnswerRow | null;
    }>(
      `WITH target AS (
         SELECT m.id, ${own} AS own, ${before} AS before FROM measure m
         WHERE m.id = ${idParam} AND m.deleted_at IS NULL AND ${visible} FOR UPDATE OF m
       ), changed AS (
         UPDATE measure m SET ${sets.join(', ')}, version = m.version + 1, updated_at = now()
         FROM target t WHERE m.id = t.id AND t.own AND m.version = ${params.add(version)} RETURNING m.*
       ), history AS (
         INSERT INTO measure_event (measure_id, action, actor_id, actor_name, detail)
         SELECT c.id, 'update', ${params.add(actor.id)}::uuid, ${params.add(actor.displayName)}::text,
                jsonb_build_object('before', t.before, 'after', ${afterParam})
         FROM changed c JOIN target t ON t.id = c.id
       ), audited AS (
         INSERT INTO audit_event (${audited.columns}) SELECT ${audited.values} FROM changed c JOIN target t ON t.id = c.id
       )
       SELECT (SELECT count(*) FROM target)::int AS found, (SELECT bool_and(own) FROM target) AS own,
              (SELECT count(*) FROM changed)::int AS changed,
              (SELECT row_to_json(answer) FROM (${measureAnswerSql('changed')}) answer) AS answer`,
      params.values,
      { prepare: true },
    );
    return row;
  }

  /** Which of these units exist (not deleted). */
  async existingUnits(manager: EntityManager, unitIds: string[]): Promise<string[]> {
    const rows = (await manager.query(`SELECT id FROM unit WHERE id = ANY($1) AND deleted_at IS NULL`, [
      unitIds,
    ])) as Array<{ id: string }>;
    return rows.map((row) => row.id);
  }

  /**
   * Makes the measure's units exactly `lead` + `coUnitIds` (none without a lead): drops the others, adds the new
   * ones with `newStatus`, and sets the role of those that stay.
   */
  async replaceUnits(
    manager: EntityManager,
    measureId: string,
    leadUnitId: string | null,
    coUnitIds: string[],
    newStatus: MeasureStatus,
  ): Promise<void> {
    const wanted = leadUnitId ? [leadUnitId, ...coUnitIds] : [];
    await manager.query(`DELETE FROM measure_unit WHERE measure_id = $1 AND NOT (unit_id = ANY($2::uuid[]))`, [
      measureId,
      wanted,
    ]);
    await manager.query(
      `INSERT INTO measure_unit (measure_id, unit_id, role, status)
       SELECT $1, unit_id, CASE WHEN unit_id = $2 THEN 'lead' ELSE 'co' END, $4
       FROM unnest($3::uuid[]) WITH ORDINALITY AS wanted(unit_id, n) ORDER BY n
       ON CONFLICT (measure_id, unit_id) DO UPDATE SET role = EXCLUDED.role, updated_at = now()`,
      [measureId, leadUnitId, wanted, newStatus],
    );
  }

  /** A unit's progress report; returns its id. Evidence already uploaded to the measure is attached to it. */
  async insertProgress(manager: EntityManager, progress: NewProgress, attachmentIds: string[]): Promise<string> {
    const [inserted] = (await manager.query(
      `INSERT INTO progress_update (measure_id, unit_id, reported_on, text, facts, author_id) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [
        progress.measureId,
        progress.unitId,
        progress.reportedOn,
        progress.text,
        JSON.stringify(progress.facts),
        progress.authorId,
      ],
    )) as Array<{ id: string }>;
    if (attachmentIds.length > 0) {
      await manager.query(
        `UPDATE attachment SET progress_update_id = $1 WHERE measure_id = $2 AND id = ANY($3) AND deleted_at IS NULL`,
        [inserted.id, progress.measureId, attachmentIds],
      );
    }
    return inserted.id;
  }

  /** A unit's share of the measure after a report: its progress (when given) and status. */
  async setUnitProgress(
    manager: EntityManager,
    measureId: string,
    unitId: string,
    progress: number | null,
    status: MeasureStatus,
  ): Promise<void> {
    await manager.query(
      `UPDATE measure_unit SET progress = coalesce($3, progress), status = $4, updated_at = now(), version = version + 1
       WHERE measure_id = $1 AND unit_id = $2`,
      [measureId, unitId, progress, status],
    );
  }

  /** 未启动 → 推进中, whatever the version (the first report of any unit starts the measure). */
  async start(manager: EntityManager, measureId: string): Promise<void> {
    await manager.query(
      `UPDATE measure SET status = 'in_progress', version = version + 1, updated_at = now() WHERE id = $1`,
      [measureId],
    );
  }

  /** Locks the live problem a new measure goes under, or returns null. */
  async lockProblem(
    manager: EntityManager,
    problemId: string,
  ): Promise<{ id: string; inspectionId: string; term: string } | null> {
    const [problem] = (await manager.query(
      `SELECT id, inspection_id AS "inspectionId", term FROM problem WHERE id = $1 AND deleted_at IS NULL FOR UPDATE`,
      [problemId],
    )) as Array<{ id: string; inspectionId: string; term: string }>;
    return problem ?? null;
  }

  /** The next free number of a measure under its problem. */
  async nextSeq(manager: EntityManager, problemId: string): Promise<number> {
    const [{ next }] = (await manager.query(
      `SELECT coalesce(max(seq), 0) + 1 AS next FROM measure WHERE problem_id = $1`,
      [problemId],
    )) as Array<{ next: number }>;
    return next;
  }

  /** A new measure with its lead unit and co-units (未启动); returns its id. */
  async insert(manager: EntityManager, measure: NewMeasure, coUnitIds: string[]): Promise<string> {
    const [row] = (await manager.query(
      `INSERT INTO measure (problem_id, inspection_id, seq, lead, text, term, deadline, lead_unit_id, responsible_leader_id, responsible_person_id, remarks)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [
        measure.problemId,
        measure.inspectionId,
        measure.seq,
        measure.lead,
        measure.text,
        measure.term,
        measure.deadline,
        measure.leadUnitId,
        measure.responsibleLeaderId,
        measure.responsiblePersonId,
        measure.remarks ?? null,
      ],
    )) as Array<{ id: string }>;
    // no lead unit: no unit at all (co-units follow a lead)
    const units = measure.leadUnitId ? [measure.leadUnitId, ...coUnitIds] : [];
    if (units.length > 0) {
      await manager.query(
        `INSERT INTO measure_unit (measure_id, unit_id, role)
         SELECT $1, unit_id, CASE WHEN unit_id = $2 THEN 'lead' ELSE 'co' END
         FROM unnest($3::uuid[]) WITH ORDINALITY AS units(unit_id, n) ORDER BY n`,
        [row.id, measure.leadUnitId, units],
      );
    }
    return row.id;
  }

  /** A new deadline (an approved extension), whatever the version. */
  async setDeadline(manager: EntityManager, id: string, deadline: string): Promise<void> {
    await manager.query(`UPDATE measure SET deadline = $2, version = version + 1, updated_at = now() WHERE id = $1`, [
      id,
      deadline,
    ]);
  }

  /**
   * Many new measures at once (an import): 未启动, with the lead unit's share when a unit is given, and a 'create'
   * history event each marked with its source. Returns how many were made.
   */
  async insertImported(
    manager: EntityManager,
    inspectionId: string,
    measures: Array<{ problemId: string; seq: number; lead: string | null; text: string }>,
    leadUnitId: string | null,
    by: { id: string; name: string; source: string },
  ): Promise<number> {
    if (measures.length === 0) return 0;
    const rows = (await manager.query(
      `INSERT INTO measure (problem_id, inspection_id, seq, lead, text, status, lead_unit_id)
       SELECT m.problem_id, $1, m.seq, m.lead, m.text, 'not_started', $6
       FROM unnest($2::uuid[], $3::int[], $4::varchar[], $5::text[]) AS m(problem_id, seq, lead, text)
       RETURNING id`,
      [
        inspectionId,
        measures.map((m) => m.problemId),
        measures.map((m) => m.seq),
        measures.map((m) => m.lead),
        measures.map((m) => m.text),
        leadUnitId,
      ],
    )) as Array<{ id: string }>;
    const ids = rows.map((row) => row.id);
    if (leadUnitId) {
      await manager.query(
        `INSERT INTO measure_unit (measure_id, unit_id, role, status) SELECT id, $2, 'lead', 'not_started' FROM unnest($1::uuid[]) AS id`,
        [ids, leadUnitId],
      );
    }
    await manager.query(
      `INSERT INTO measure_event (measure_id, action, to_status, actor_id, actor_name, detail)
       SELECT id, 'create', 'not_started', $2, $3, jsonb_build_object('source', $4::text) FROM unnest($1::uuid[]) AS id`,
      [ids, by.id, by.name, by.source],
    );
    return ids.length;
  }

  /**
   * Bulk load (the scale seeder): copies prepared rows from two temporary tables, one with the measure columns it
   * names (`id, problem_id, inspection_id, seq, lead, text, term, status, deadline, lead_unit_id,
   * responsible_person_id, submitted_at, completed_at, stage_outcome, long_term_mechanism, next_checkpoint`), one with
   * `measure_id, unit_id, role, status, progress` (a repeated unit of a measure is kept once).
   */
  async bulkLoad(manager: EntityManager, staging: { measures: string; units: string }): Promise<void> {
    for (const table of [staging.measures, staging.units]) {
      if (!/^[a-z_]+$/.test(table)) throw new Error(`not a staging table name: ${table}`);
    }
    const columns = `id, problem_id, inspection_id, seq, lead, text, term, status, deadline, lead_unit_id,
      responsible_person_id, submitted_at, completed_at, stage_outcome, long_term_mechanism, next_checkpoint`;
    await manager.query(`INSERT INTO measure (${columns}) SELECT ${columns} FROM ${staging.measures}`);
    await manager.query(
      `INSERT INTO measure_unit (measure_id, unit_id, role, status, progress)
       SELECT measure_id, unit_id, role, status, progress FROM ${staging.units}
       ON CONFLICT (measure_id, unit_id) DO NOTHING`,
    );
  }

  /**
   * A measure exactly as given, with its units and progress reports (the demo dataset: statuses, dates and outcomes
   * of a rectification already under way). Returns the measure's id.
   */
  async insertSeeded(
    manager: EntityManager,
    measure: QueryDeepPartialEntity<MeasureEntity>,
    units: Array<QueryDeepPartialEntity<MeasureUnitEntity>>,
    progress: Array<QueryDeepPartialEntity<ProgressUpdateEntity>>,
  ): Promise<string> {
    const { identifiers } = await manager.insert(MeasureEntity, measure);
    const id = identifiers[0].id as string;
    if (units.length > 0)
      await manager.insert(
        MeasureUnitEntity,
        units.map((unit) => ({ ...unit, measureId: id })),
      );
    if (progress.length > 0)
      await manager.insert(
        ProgressUpdateEntity,
        progress.map((report) => ({ ...report, measureId: id })),
      );
    return id;
  }

  async softDelete(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`UPDATE measure SET deleted_at = now(), version = version + 1 WHERE id = $1`, [id]);
  }

  /** Restores a deleted measure; returns its problem, or null when there was none to restore. */
  async restore(manager: EntityManager, id: string): Promise<string | null> {
    const [rows] = (await manager.query(
      `UPDATE measure SET deleted_at = NULL, version = version + 1, updated_at = now() WHERE id = $1 AND deleted_at IS NOT NULL
       RETURNING problem_id AS "problemId"`,
      [id],
    )) as [Array<{ problemId: string }>, number];
    return rows?.[0]?.problemId ?? null;
  }

  /**
   * Puts every checkpoint of a live 视同完成 measure that has come due (its date today or earlier, not reviewed) into
   * the officers' review list: `review_status` open → pending in one conditional UPDATE, so a checkpoint moves once
   * however often and on however many processes it runs (a concurrent run waits for the row and then finds it
   * pending). Returns the ones this call moved.
   */
  async queueDueCheckpoints(manager: EntityManager, today: string): Promise<QueuedCheckpoint[]> {
    return (await manager.query(
      `WITH queued AS (
         UPDATE measure_checkpoint c SET review_status = 'pending', queued_on = $1::date
         FROM measure m JOIN problem p ON p.id = m.problem_id AND p.deleted_at IS NULL
         WHERE m.id = c.measure_id AND c.review_status = 'open' AND c.done_on IS NULL AND c.due_on <= $1::date
           AND m.deleted_at IS NULL AND m.status = 'deemed_completed'
         RETURNING c.id, c.measure_id, c.due_on, c.title
       )
       SELECT q.id AS "checkpointId", q.measure_id AS "measureId", m.problem_id AS "problemId",
              to_char(q.due_on, 'YYYY-MM-DD') AS "dueOn", q.title, p.label || '(' || m.seq || ')' AS label, m.text,
              $1::date - q.due_on AS days
       FROM queued q JOIN measure m ON m.id = q.measure_id JOIN problem p ON p.id = m.problem_id
       ORDER BY p.seq, m.seq, q.due_on`,
      [today],
    )) as QueuedCheckpoint[];
  }

  /** Locks one checkpoint of the measure (the measure is locked first), or returns null. */
  async lockCheckpoint(
    manager: EntityManager,
    measureId: string,
    checkpointId: string,
  ): Promise<LockedCheckpoint | null> {
    const [row] = (await manager.query(
      `SELECT id, measure_id AS "measureId", to_char(due_on, 'YYYY-MM-DD') AS "dueOn", title, review_status AS "reviewStatus"
       FROM measure_checkpoint WHERE id = $1 AND measure_id = $2 FOR UPDATE`,
      [checkpointId, measureId],
    )) as LockedCheckpoint[];
    return row ?? null;
  }

  /** Records a checkpoint's review (once: false when it was already reviewed). */
  async reviewCheckpoint(
    manager: EntityManager,
    checkpointId: string,
    review: { outcome: 'reached' | 'missed'; opinion: string; reviewedById: string; today: string },
  ): Promise<boolean> {
    const [rows] = (await manager.query(
      `UPDATE measure_checkpoint SET review_status = 'done', done_on = $2::date, outcome = $3, opinion = $4,
              reviewed_at = now(), reviewed_by_id = $5, queued_on = coalesce(queued_on, $2::date)
       WHERE id = $1 AND review_status <> 'done' RETURNING id`,
      [checkpointId, review.today, review.outcome, review.opinion, review.reviewedById],
    )) as [unknown[], number];
    return rows.length > 0;
  }

  /** A checkpoint of a long-term measure; false when the date already has one. */
  async insertCheckpoint(manager: EntityManager, measureId: string, dueOn: string, title: string | null) {
    const inserted = (await manager.query(
      `INSERT INTO measure_checkpoint (measure_id, due_on, title) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING id`,
      [measureId, dueOn, title],
    )) as Array<{ id: string }>;
    return inserted.length > 0;
  }
}
