import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module.js';
import { PublicNoticesController } from './public-notices.controller.js';
import { PublicNoticesService } from './public-notices.service.js';
import { PublicationsController } from './publications.controller.js';
import { PublicationsRepository } from './publications.repository.js';
import { PublicationsService } from './publications.service.js';

// Public notices (通报): drafts generated and masked, published for the publicity period, withdrawn; the public page
// and the opinions of the public. The notice text comes from the documents module's generator (DocumentsService).
@Module({
  imports: [DocumentsModule],
  controllers: [PublicationsController, PublicNoticesController],
  providers: [PublicationsService, PublicNoticesService, PublicationsRepository],
})
export class PublicationsModule {}
