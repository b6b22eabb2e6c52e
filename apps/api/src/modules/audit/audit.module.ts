import { Global, Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module.js';
import { AuditLogService } from './audit-log.service.js';
import { AuditRepository } from './audit.repository.js';
import { AuditChainController, AuditController } from './audit.controller.js';
import { AuditChainService } from './audit-chain.service.js';
import { AuditService } from './audit.service.js';

@Global()
@Module({
  imports: [JobsModule],
  controllers: [AuditController, AuditChainController],
  providers: [AuditService, AuditLogService, AuditChainService, AuditRepository],
  exports: [AuditService, AuditLogService, AuditChainService],
})
export class AuditModule {}
