import { Module } from '@nestjs/common';
import { InspectionsController } from './inspections.controller.js';
import { InspectionsRepository } from './inspections.repository.js';
import { InspectionsWriteRepository } from './inspections-write.repository.js';
import { InspectionsWriteService } from './inspections-write.service.js';
import { InspectionsService } from './inspections.service.js';

@Module({
  controllers: [InspectionsController],
  providers: [InspectionsService, InspectionsWriteService, InspectionsRepository, InspectionsWriteRepository],
  exports: [InspectionsService, InspectionsWriteRepository],
})
export class InspectionsModule {}
