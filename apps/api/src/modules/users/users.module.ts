import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { JobsModule } from '../jobs/jobs.module.js';
import { DormantAccountsJob } from './dormant-accounts.job.js';
import { UsersController } from './users.controller.js';
import { UsersRepository } from './users.repository.js';
import { UsersService } from './users.service.js';

@Module({
  imports: [AuthModule, JobsModule],
  controllers: [UsersController],
  providers: [UsersService, UsersRepository, DormantAccountsJob],
})
export class UsersModule {}
