import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, READERS, Roles } from '../../common/auth/access.decorators.js';
import { ErrorBodyDto } from '../../common/errors/error-body.dto.js';
import { IdPipe } from '../../common/http/id.pipe.js';
import type { Actor } from '../../common/http/request-context.js';
import { ProblemDetailDto, ProblemPageDto, ProblemQueryDto } from './dto/problem.dto.js';
import { ProblemsService } from './problems.service.js';

@ApiTags('problems')
@Controller('problems')
export class ProblemsController {
  constructor(private readonly service: ProblemsService) {}

  @Roles(...READERS)
  @Get()
  @ApiOkResponse({ type: ProblemPageDto })
  getProblems(@Query() query: ProblemQueryDto, @CurrentActor() actor: Actor): Promise<ProblemPageDto> {
    return this.service.list(query, actor);
  }

  @Roles(...READERS)
  @Get(':id')
  @ApiOkResponse({ type: ProblemDetailDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  getProblem(@Param('id', IdPipe) id: string, @CurrentActor() actor: Actor): Promise<ProblemDetailDto> {
    return this.service.get(id, actor);
  }
}
