import { Module } from '@nestjs/common';
import { ProblemsModule } from '../problems/problems.module.js';
import { OutcomesController } from './outcomes.controller.js';
import { OutcomesRepository } from './outcomes.repository.js';
import { OutcomesService } from './outcomes.service.js';

@Module({
  imports: [ProblemsModule],
  controllers: [OutcomesController],
  providers: [OutcomesService, OutcomesRepository],
})
export class OutcomesModule {}
