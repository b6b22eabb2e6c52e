import { Module } from '@nestjs/common';
import { DocumentsRepository } from '../documents/word/documents.repository.js';
import { DocumentsService } from '../documents/word/documents.service.js';
import { PublicNoticesController } from './public-notices.controller.js';
import { PublicNoticesService } from './public-notices.service.js';
import { PublicationsController } from './publications.controller.js';
import { PublicationsRepository } from './publications.repository.js';
import { PublicationsService } from './publications.service.js';

// Public notices (通报): drafts generated and masked, published for the publicity period, withdrawn; the public page
// and the opinions of the public. The notice text comes from the documents module's generator: its module exports
// nothing, and the generator service holds no state, so this module provides its own instance of it.
@Module({
  controllers: [PublicationsController, PublicNoticesController],
  providers: [PublicationsService, PublicNoticesService, PublicationsRepository, DocumentsService, DocumentsRepository],
})
export class PublicationsModule {}
