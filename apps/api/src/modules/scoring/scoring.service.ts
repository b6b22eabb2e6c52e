import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  checkScoringWeights,
  DEFAULT_SCORING_WEIGHTS,
  describeScoringFormula,
  rankUnits,
  scoringComponents,
  unitScore,
  type ScoringWeights,
} from '@zhenggai/domain';
import { scopeOf } from '../../common/auth/access-scope.js';
import { Clock } from '../../common/clock.js';
import { AppError } from '../../common/errors/app-error.js';
import type { Actor } from '../../common/http/request-context.js';
import { requireVersion, StaleVersionError, withConflictState } from '../../common/versioned-update.js';
import { AuditService } from '../audit/audit.service.js';
import { DocumentsService, type RenderedFile } from '../documents/index.js';
import { InspectionsService } from '../inspections/inspections.service.js';
import { refOf } from '../units/dto/ref.dto.js';
import type { ScoringPolicyDto, UnitScoreDto, UnitScoresDto, UpdateScoringPolicyDto } from './dto/scoring.dto.js';
import { ScoringRepository } from './scoring.repository.js';

// 考核: every responsible unit's score and rank in an inspection, by the weights of its scoring policy (the default
// without one). The rule is packages/domain/src/scoring.ts; this service only counts, scopes and stores. Ranks are
// computed over all units; a unit account sees only its own units' rows.
@Injectable()
export class ScoringService {
  constructor(
    private readonly repository: ScoringRepository,
    private readonly inspections: InspectionsService,
    private readonly documents: DocumentsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async unitScores(inspectionId: string, actor: Actor): Promise<UnitScoresDto> {
    // 404 for an inspection the caller does not see
    await this.inspections.get(inspectionId, actor);
    return this.scores(inspectionId, actor);
  }

  /** The ranking as a workbook, scoped like the list; audited. */
  async exportWorkbook(inspectionId: string, actor: Actor): Promise<RenderedFile> {
    const inspection = await this.inspections.get(inspectionId, actor);
    const scores = await this.scores(inspectionId, actor);
    const file = await this.documents.unitScoresWorkbook({
      title: inspection.title,
      date: this.clock.today(),
      formula: scores.formula.text,
      items: scores.items.map((item) => ({
        rank: item.rank,
        unitName: item.unit.name,
        score: item.score,
        ...item.components,
      })),
    });
    await this.audit.record({
      action: 'UNIT_SCORES_EXPORTED',
      entityType: 'inspection',
      entityId: inspectionId,
      detail: { units: scores.items.length, weights: scores.formula.weights },
    });
    return file;
  }

  async policy(inspectionId: string, actor: Actor): Promise<ScoringPolicyDto> {
    await this.inspections.get(inspectionId, actor);
    return this.read(inspectionId);
  }

  async update(inspectionId: string, dto: UpdateScoringPolicyDto, actor: Actor): Promise<ScoringPolicyDto> {
    const version = requireVersion(dto.version);
    await this.inspections.get(inspectionId, actor);
    const weights: ScoringWeights = {
      completion: dto.weights.completion,
      onTime: dto.weights.onTime,
      punctuality: dto.weights.punctuality,
      returned: dto.weights.returned,
      rebound: dto.weights.rebound,
      urged: dto.weights.urged,
    };
    const errors = checkScoringWeights(weights);
    if (Object.keys(errors).length > 0) {
      throw new AppError('VALIDATION_FAILED', Object.values(errors)[0][0], { errors });
    }
    const before = await this.read(inspectionId);
    await withConflictState(
      () =>
        this.dataSource.transaction(async (manager) => {
          if (!(await this.repository.save(manager, inspectionId, version, weights, actor.id))) {
            throw new StaleVersionError();
          }
          await this.audit.record(
            {
              action: 'SCORING_POLICY_UPDATED',
              entityType: 'inspection',
              entityId: inspectionId,
              before: { weights: before.weights, text: before.text },
              after: { weights, text: describeScoringFormula(weights) },
            },
            manager,
          );
        }),
      () => this.read(inspectionId),
    );
    return this.read(inspectionId);
  }

  private async scores(inspectionId: string, actor: Actor): Promise<UnitScoresDto> {
    const weights = (await this.repository.policy(inspectionId))?.weights ?? DEFAULT_SCORING_WEIGHTS;
    const rows = await this.repository.unitCounts(inspectionId, this.clock.today());
    const ranked = rankUnits(
      rows.map((row): Omit<UnitScoreDto, 'rank'> => {
        const components = scoringComponents(row);
        return { unit: { id: row.unitId, name: row.unitName }, score: unitScore(components, weights), components };
      }),
      (a, b) => a.unit.name.localeCompare(b.unit.name, 'zh-CN'),
    );
    const scope = scopeOf(actor);
    return {
      formula: { weights, text: describeScoringFormula(weights) },
      items: scope.all ? ranked : ranked.filter((item) => scope.unitIds.includes(item.unit.id)),
    };
  }

  private async read(inspectionId: string): Promise<ScoringPolicyDto> {
    const row = await this.repository.policy(inspectionId);
    const weights = row?.weights ?? DEFAULT_SCORING_WEIGHTS;
    return {
      inspectionId,
      weights,
      isDefault: !row,
      text: describeScoringFormula(weights),
      updatedBy: row ? refOf(row.updatedById, row.updatedByName) : null,
      updatedAt: row?.updatedAt?.toISOString() ?? null,
      version: row?.version ?? 1,
    };
  }
}
