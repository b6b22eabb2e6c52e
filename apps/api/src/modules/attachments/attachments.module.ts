import { Module, forwardRef } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { AppConfig } from '../../config/app-config.js';
import { MeasuresModule } from '../measures/measures.module.js';
import { AttachmentsController } from './attachments.controller.js';
import { AttachmentsRepository } from './attachments.repository.js';
import { AttachmentsService } from './attachments.service.js';
import { EvidenceStorage } from './evidence-storage.js';
import { createEvidenceStorage } from './storage-factory.js';
import { UploadErrorsInterceptor } from './upload-errors.interceptor.js';

// The measures module checks evidence (assertUsableAsEvidence) through this module, which reads measures: the two
// modules import each other, through forwardRef.
@Module({
  imports: [
    forwardRef(() => MeasuresModule),
    MulterModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // no storage or dest: multer keeps the file in memory, where it is checked (type, hash) before anything is
        // written; fileSize bounds the memory
        limits: { fileSize: config.UPLOAD_MAX_BYTES },
        // browsers send non-ASCII file names as raw UTF-8
        defParamCharset: 'utf8',
      }),
    }),
  ],
  controllers: [AttachmentsController],
  providers: [
    AttachmentsService,
    AttachmentsRepository,
    UploadErrorsInterceptor,
    {
      provide: EvidenceStorage,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => createEvidenceStorage(config),
    },
  ],
  exports: [AttachmentsService],
})
export class AttachmentsModule {}
