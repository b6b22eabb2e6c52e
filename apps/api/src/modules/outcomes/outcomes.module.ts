import { Module } from '@nestjs/common';
import { ProblemsModule } from '../problems/problems.module.js';
import { EffectivenessController } from './effectiveness.controller.js';
import { EffectivenessRepository } from './effectiveness.repository.js';
import { EffectivenessService } from './effectiveness.service.js';
import { OutcomesController } from './outcomes.controller.js';
import { OutcomesRepository } from './outcomes.repository.js';
import { OutcomesService } from './outcomes.service.js';

@Module({
  imports: [ProblemsModule],
  controllers: [OutcomesController, EffectivenessController],
  providers: [OutcomesService, OutcomesRepository, EffectivenessService, EffectivenessRepository],
})
export class OutcomesModule {}
