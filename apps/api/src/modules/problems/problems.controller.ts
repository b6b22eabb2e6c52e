import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor, READERS, Roles } from '../../common/auth/access.decorators.js';
import { ErrorBodyDto } from '../../common/errors/error-body.dto.js';
import { Idempotent } from '../../common/idempotency/idempotency.interceptor.js';
import { IdPipe } from '../../common/http/id.pipe.js';
import type { Actor } from '../../common/http/request-context.js';
import { VersionQueryDto } from '../../common/http/versioned.dto.js';
import { CreateProblemDto, UpdateProblemDto } from './dto/problem-write.dto.js';
import { ProblemDetailDto, ProblemPageDto, ProblemQueryDto } from './dto/problem.dto.js';
import { ProblemsWriteService } from './problems-write.service.js';
import { ProblemsService } from './problems.service.js';

@ApiTags('problems')
@ApiNotFoundResponse({ type: ErrorBodyDto })
@Controller('problems')
export class ProblemsController {
  constructor(
    private readonly service: ProblemsService,
    private readonly write: ProblemsWriteService,
  ) {}

  @Roles(...READERS)
  @Get()
  @ApiOkResponse({ type: ProblemPageDto })
  getProblems(@Query() query: ProblemQueryDto, @CurrentActor() actor: Actor): Promise<ProblemPageDto> {
    return this.service.list(query, actor);
  }

  @Roles('task_force_officer')
  @Idempotent()
  @Post()
  @ApiCreatedResponse({ type: ProblemDetailDto })
  createProblem(@Body() dto: CreateProblemDto, @CurrentActor() actor: Actor): Promise<ProblemDetailDto> {
    return this.write.create(dto, actor);
  }

  @Roles(...READERS)
  @Get(':id')
  @ApiOkResponse({ type: ProblemDetailDto })
  getProblem(@Param('id', IdPipe) id: string, @CurrentActor() actor: Actor): Promise<ProblemDetailDto> {
    return this.service.get(id, actor);
  }

  @Roles('task_force_officer')
  @Patch(':id')
  @ApiOkResponse({ type: ProblemDetailDto })
  @ApiConflictResponse({ type: ErrorBodyDto })
  updateProblem(
    @Param('id', IdPipe) id: string,
    @Body() dto: UpdateProblemDto,
    @CurrentActor() actor: Actor,
  ): Promise<ProblemDetailDto> {
    return this.write.update(id, dto, actor);
  }

  @Roles('task_force_officer')
  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  async deleteProblem(
    @Param('id', IdPipe) id: string,
    @Query() query: VersionQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    await this.write.remove(id, query.version, actor);
  }

  @Roles('task_force_officer')
  @Post(':id/restore')
  @HttpCode(200)
  @ApiOkResponse({ type: ProblemDetailDto })
  restoreProblem(@Param('id', IdPipe) id: string, @CurrentActor() actor: Actor): Promise<ProblemDetailDto> {
    return this.write.restore(id, actor);
  }
}
