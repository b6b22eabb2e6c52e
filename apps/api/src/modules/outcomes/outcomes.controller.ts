import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, READERS, Roles } from '../../common/auth/access.decorators.js';
import { ErrorBodyDto } from '../../common/errors/error-body.dto.js';
import { Idempotent } from '../../common/idempotency/idempotency.interceptor.js';
import { IdPipe } from '../../common/http/id.pipe.js';
import type { Actor } from '../../common/http/request-context.js';
import {
  AccountabilityActionDto,
  CreateAccountabilityDto,
  CreateFundRecoveryDto,
  CreateRuleDocumentDto,
  FundRecoveryDto,
  ProblemOutcomesDto,
  RuleDocumentDto,
  UpdateAccountabilityDto,
  UpdateFundRecoveryDto,
  UpdateRuleDocumentDto,
} from './dto/outcome.dto.js';
import { OutcomesService } from './outcomes.service.js';

@ApiTags('outcomes')
@ApiNotFoundResponse({ type: ErrorBodyDto })
@Controller()
export class OutcomesController {
  constructor(private readonly outcomes: OutcomesService) {}

  @Roles(...READERS)
  @Get('problems/:id/outcomes')
  @ApiOkResponse({ type: ProblemOutcomesDto })
  getProblemOutcomes(@Param('id', IdPipe) id: string, @CurrentActor() actor: Actor): Promise<ProblemOutcomesDto> {
    return this.outcomes.forProblem(id, actor);
  }

  @Roles('task_force_officer')
  @Idempotent()
  @Post('problems/:id/accountability-actions')
  @ApiCreatedResponse({ type: AccountabilityActionDto })
  createAccountabilityAction(
    @Param('id', IdPipe) id: string,
    @Body() dto: CreateAccountabilityDto,
    @CurrentActor() actor: Actor,
  ): Promise<AccountabilityActionDto> {
    return this.outcomes.create<AccountabilityActionDto>('accountability', id, dto, actor);
  }

  @Roles('task_force_officer')
  @Patch('accountability-actions/:id')
  @ApiOkResponse({ type: AccountabilityActionDto })
  updateAccountabilityAction(
    @Param('id', IdPipe) id: string,
    @Body() dto: UpdateAccountabilityDto,
    @CurrentActor() actor: Actor,
  ): Promise<AccountabilityActionDto> {
    return this.outcomes.update<AccountabilityActionDto>('accountability', id, { ...dto }, actor);
  }

  @Roles('task_force_officer')
  @Delete('accountability-actions/:id')
  @HttpCode(204)
  @ApiNoContentResponse()
  async deleteAccountabilityAction(@Param('id', IdPipe) id: string, @CurrentActor() actor: Actor): Promise<void> {
    await this.outcomes.remove('accountability', id, actor);
  }

  @Roles('task_force_officer')
  @Idempotent()
  @Post('problems/:id/rule-documents')
  @ApiCreatedResponse({ type: RuleDocumentDto })
  createRuleDocument(
    @Param('id', IdPipe) id: string,
    @Body() dto: CreateRuleDocumentDto,
    @CurrentActor() actor: Actor,
  ): Promise<RuleDocumentDto> {
    return this.outcomes.create<RuleDocumentDto>('rule', id, dto, actor);
  }

  @Roles('task_force_officer')
  @Patch('rule-documents/:id')
  @ApiOkResponse({ type: RuleDocumentDto })
  updateRuleDocument(
    @Param('id', IdPipe) id: string,
    @Body() dto: UpdateRuleDocumentDto,
    @CurrentActor() actor: Actor,
  ): Promise<RuleDocumentDto> {
    return this.outcomes.update<RuleDocumentDto>('rule', id, { ...dto }, actor);
  }

  @Roles('task_force_officer')
  @Delete('rule-documents/:id')
  @HttpCode(204)
  @ApiNoContentResponse()
  async deleteRuleDocument(@Param('id', IdPipe) id: string, @CurrentActor() actor: Actor): Promise<void> {
    await this.outcomes.remove('rule', id, actor);
  }

  @Roles('task_force_officer')
  @Idempotent()
  @Post('problems/:id/fund-recoveries')
  @ApiCreatedResponse({ type: FundRecoveryDto })
  createFundRecovery(
    @Param('id', IdPipe) id: string,
    @Body() dto: CreateFundRecoveryDto,
    @CurrentActor() actor: Actor,
  ): Promise<FundRecoveryDto> {
    return this.outcomes.create<FundRecoveryDto>('fund', id, dto, actor);
  }

  @Roles('task_force_officer')
  @Patch('fund-recoveries/:id')
  @ApiOkResponse({ type: FundRecoveryDto })
  updateFundRecovery(
    @Param('id', IdPipe) id: string,
    @Body() dto: UpdateFundRecoveryDto,
    @CurrentActor() actor: Actor,
  ): Promise<FundRecoveryDto> {
    return this.outcomes.update<FundRecoveryDto>('fund', id, { ...dto }, actor);
  }

  @Roles('task_force_officer')
  @Delete('fund-recoveries/:id')
  @HttpCode(204)
  @ApiNoContentResponse()
  async deleteFundRecovery(@Param('id', IdPipe) id: string, @CurrentActor() actor: Actor): Promise<void> {
    await this.outcomes.remove('fund', id, actor);
  }
}
