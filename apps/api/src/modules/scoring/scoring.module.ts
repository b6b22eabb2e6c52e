import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module.js';
import { InspectionsModule } from '../inspections/inspections.module.js';
import { ScoringController } from './scoring.controller.js';
import { ScoringRepository } from './scoring.repository.js';
import { ScoringService } from './scoring.service.js';

// Unit scoring (考核): each inspection's scoring weights (scoring_policy) and the ranking of its responsible units,
// as JSON and as a workbook. The rule itself is packages/domain/src/scoring.ts.
@Module({
  imports: [InspectionsModule, DocumentsModule],
  controllers: [ScoringController],
  providers: [ScoringService, ScoringRepository],
  exports: [ScoringService],
})
export class ScoringModule {}
