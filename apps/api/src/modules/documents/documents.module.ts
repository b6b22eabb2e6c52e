import { Module } from '@nestjs/common';
import { InspectionsModule } from '../inspections/inspections.module.js';
import { JobsModule } from '../jobs/jobs.module.js';
import { MeasuresModule } from '../measures/measures.module.js';
import { ProblemsModule } from '../problems/problems.module.js';
import { DocumentsController } from './documents.controller.js';
import { ExportJobsController } from './export-jobs.controller.js';
import { ExportJobsRepository } from './export-jobs/export-jobs.repository.js';
import { ExportJobsService } from './export-jobs/export-jobs.service.js';
import { LedgerExportService } from './ledger/ledger-export.service.js';
import { LedgerImportService } from './ledger/ledger-import.service.js';
import { LedgerRepository } from './ledger/ledger.repository.js';
import { NoticeImportController } from './notice-import.controller.js';
import { NoticeImportRepository } from './notice/notice-import.repository.js';
import { NoticeImportService } from './notice/notice-import.service.js';
import { ImportUploadErrorsInterceptor } from './upload.js';
import { DocumentsRepository } from './word/documents.repository.js';
import { DocumentsService } from './word/documents.service.js';

// Documents in and out: the notice import (preview, commit), the 整改台账 workbook (export, import) and the
// GB/T 9704 Word documents (report, notice, sign-off sheet); the ledger export as a background job (export-jobs/).
@Module({
  imports: [InspectionsModule, JobsModule, ProblemsModule, MeasuresModule],
  controllers: [NoticeImportController, DocumentsController, ExportJobsController],
  providers: [
    NoticeImportService,
    NoticeImportRepository,
    LedgerExportService,
    ExportJobsService,
    ExportJobsRepository,
    LedgerImportService,
    LedgerRepository,
    DocumentsService,
    DocumentsRepository,
    ImportUploadErrorsInterceptor,
  ],
  exports: [DocumentsService],
})
export class DocumentsModule {}
