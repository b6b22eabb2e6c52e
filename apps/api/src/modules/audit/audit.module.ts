import { Global, Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module.js';
import { AuditLogService } from './audit-log.service.js';
import { AuditRepository } from './audit.repository.js';
import { AuditController } from './audit.controller.js';
import { AuditService } from './audit.service.js';

@Global()
@Module({
  imports: [JobsModule],
  controllers: [AuditController],
  providers: [AuditService, AuditLogService, AuditRepository],
  exports: [AuditService, AuditLogService],
})
export class AuditModule {}
