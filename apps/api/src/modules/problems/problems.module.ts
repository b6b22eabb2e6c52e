import { Module } from '@nestjs/common';
import { MeasuresModule } from '../measures/measures.module.js';
import { ProblemsController } from './problems.controller.js';
import { ProblemsRepository } from './problems.repository.js';
import { ProblemsWriteRepository } from './problems-write.repository.js';
import { ProblemsWriteService } from './problems-write.service.js';
import { ProblemsService } from './problems.service.js';

@Module({
  imports: [MeasuresModule],
  controllers: [ProblemsController],
  providers: [ProblemsService, ProblemsWriteService, ProblemsRepository, ProblemsWriteRepository],
  exports: [ProblemsService, ProblemsWriteRepository],
})
export class ProblemsModule {}
