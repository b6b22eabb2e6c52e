import { Module } from '@nestjs/common';
import { JobsService } from './jobs.service.js';

// The background jobs (pg-boss): a module that defines or queues a job imports this one.
@Module({
  providers: [JobsService],
  exports: [JobsService],
})
export class JobsModule {}
