import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { ReminderRules } from '@zhenggai/domain';

export interface PolicyRow extends ReminderRules {
  version: number;
  updatedAt: Date | null;
  updatedById: string | null;
  updatedByName: string | null;
}

// All SQL of the reminders module.
@Injectable()
export class RemindersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The saved policy of an inspection, or null when it follows the default. */
  async policy(inspectionId: string, manager?: EntityManager): Promise<PolicyRow | null> {
    const [row] = (await (manager ?? this.dataSource.manager).query(
      `SELECT rp.due_soon_days AS "dueSoonDays", rp.escalation, rp.channels, rp.version, rp.updated_at AS "updatedAt",
              rp.updated_by_id AS "updatedById", ua.display_name AS "updatedByName"
       FROM reminder_policy rp LEFT JOIN user_account ua ON ua.id = rp.updated_by_id
       WHERE rp.inspection_id = $1`,
      [inspectionId],
    )) as PolicyRow[];
    return row ?? null;
  }

  /**
   * Saves the policy if it is still at `version` (the default counts as 1: the first save inserts version 2);
   * false when someone saved another version first.
   */
  async save(
    manager: EntityManager,
    inspectionId: string,
    version: number,
    rules: ReminderRules,
    userId: string,
  ): Promise<boolean> {
    const values = [rules.dueSoonDays, JSON.stringify(rules.escalation), rules.channels, userId];
    if (version === 1) {
      // the first save; a concurrent first save wins, this one finds the row and answers false
      const inserted = (await manager.query(
        `INSERT INTO reminder_policy (inspection_id, due_soon_days, escalation, channels, updated_by_id, version)
         VALUES ($1, $2, $3, $4, $5, 2) ON CONFLICT (inspection_id) DO NOTHING RETURNING version`,
        [inspectionId, ...values],
      )) as unknown[];
      return inserted.length > 0;
    }
    const [updated] = (await manager.query(
      `UPDATE reminder_policy SET due_soon_days = $3, escalation = $4, channels = $5, updated_by_id = $6,
              updated_at = now(), version = version + 1
       WHERE inspection_id = $1 AND version = $2 RETURNING version`,
      [inspectionId, version, ...values],
    )) as [unknown[], number];
    return updated.length > 0;
  }
}
