import { Module } from '@nestjs/common';
import { MeasuresController } from './measures.controller.js';
import { MeasuresRepository } from './measures.repository.js';
import { MeasuresService } from './measures.service.js';

@Module({
  controllers: [MeasuresController],
  providers: [MeasuresService, MeasuresRepository],
  exports: [MeasuresService],
})
export class MeasuresModule {}
