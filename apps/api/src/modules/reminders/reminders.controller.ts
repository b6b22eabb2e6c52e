import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiAcceptedResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, READERS, Roles } from '../../common/auth/access.decorators.js';
import { ErrorBodyDto } from '../../common/errors/error-body.dto.js';
import { IdPipe } from '../../common/http/id.pipe.js';
import type { Actor } from '../../common/http/request-context.js';
import { QueuedSweepDto, ReminderPolicyDto, UpdateReminderPolicyDto } from './dto/reminder-policy.dto.js';
import { RemindersService } from './reminders.service.js';

@ApiTags('reminders')
@ApiNotFoundResponse({ type: ErrorBodyDto })
@Controller()
export class RemindersController {
  constructor(private readonly reminders: RemindersService) {}

  @Roles('task_force_officer', 'system_admin')
  @Post('jobs/reminders/run')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: QueuedSweepDto })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'JOB_ALREADY_QUEUED' })
  runReminderSweep(): Promise<QueuedSweepDto> {
    return this.reminders.runSweepNow();
  }

  @Roles(...READERS)
  @Get('inspections/:id/reminder-policy')
  @ApiOkResponse({ type: ReminderPolicyDto })
  getReminderPolicy(@Param('id', IdPipe) id: string, @CurrentActor() actor: Actor): Promise<ReminderPolicyDto> {
    return this.reminders.policy(id, actor);
  }

  @Roles('task_force_officer')
  @Put('inspections/:id/reminder-policy')
  @ApiOkResponse({ type: ReminderPolicyDto })
  @ApiConflictResponse({ type: ErrorBodyDto })
  updateReminderPolicy(
    @Param('id', IdPipe) id: string,
    @Body() dto: UpdateReminderPolicyDto,
    @CurrentActor() actor: Actor,
  ): Promise<ReminderPolicyDto> {
    return this.reminders.update(id, dto, actor);
  }
}
