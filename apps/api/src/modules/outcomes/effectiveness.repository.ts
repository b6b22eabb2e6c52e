import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { EffectivenessRating } from '@zhenggai/domain';

export interface EvaluationRow {
  rating: EffectivenessRating;
  text: string;
  evaluatedById: string | null;
  evaluatedByName: string | null;
  evaluatedAt: Date;
  version: number;
}

@Injectable()
export class EffectivenessRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(problemId: string, manager?: EntityManager): Promise<EvaluationRow | null> {
    const [row] = (await (manager ?? this.dataSource.manager).query(
      `SELECT rating, text, evaluated_by_id AS "evaluatedById", evaluated_by_name AS "evaluatedByName",
              evaluated_at AS "evaluatedAt", version
       FROM problem_evaluation WHERE problem_id = $1`,
      [problemId],
    )) as EvaluationRow[];
    return row ?? null;
  }

  /** The problem's status, its row locked so that a sign-off or a rebound waits for the evaluation (or null). */
  async lockProblem(manager: EntityManager, problemId: string): Promise<string | null> {
    const [row] = (await manager.query(`SELECT status FROM problem WHERE id = $1 AND deleted_at IS NULL FOR SHARE`, [
      problemId,
    ])) as Array<{ status: string }>;
    return row?.status ?? null;
  }

  /**
   * Writes the evaluation if `version` is the current one (0: none yet); false when it is stale. The first save of two
   * concurrent ones wins: the other inserts nothing (conflict) or updates nothing (version moved).
   */
  async save(
    manager: EntityManager,
    problemId: string,
    version: number,
    evaluation: { rating: EffectivenessRating; text: string; byId: string; byName: string; at: Date },
  ): Promise<boolean> {
    const values = [problemId, evaluation.rating, evaluation.text, evaluation.byId, evaluation.byName, evaluation.at];
    const rows =
      version === 0
        ? ((await manager.query(
            `INSERT INTO problem_evaluation (problem_id, rating, text, evaluated_by_id, evaluated_by_name, evaluated_at)
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (problem_id) DO NOTHING RETURNING version`,
            values,
          )) as unknown[])
        : (
            (await manager.query(
              `UPDATE problem_evaluation SET rating = $2, text = $3, evaluated_by_id = $4, evaluated_by_name = $5,
                    evaluated_at = $6, version = version + 1
             WHERE problem_id = $1 AND version = $7 RETURNING version`,
              [...values, version],
            )) as [unknown[], number]
          )[0];
    return rows.length > 0;
  }
}
