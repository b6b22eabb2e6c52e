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
import {
  CategoryDto,
  CreateCategoryDto,
  CreateInspectionDto,
  UpdateCategoryDto,
  UpdateInspectionDto,
} from './dto/inspection-write.dto.js';
import { InspectionDto, InspectionPageDto, InspectionQueryDto } from './dto/inspection.dto.js';
import { InspectionsWriteService } from './inspections-write.service.js';
import { InspectionsService } from './inspections.service.js';

@ApiTags('inspections')
@ApiNotFoundResponse({ type: ErrorBodyDto })
@Controller()
export class InspectionsController {
  constructor(
    private readonly service: InspectionsService,
    private readonly write: InspectionsWriteService,
  ) {}

  @Roles(...READERS)
  @Get('inspections')
  @ApiOkResponse({ type: InspectionPageDto })
  getInspections(@Query() query: InspectionQueryDto, @CurrentActor() actor: Actor): Promise<InspectionPageDto> {
    return this.service.list(query, actor);
  }

  @Roles('task_force_officer')
  @Idempotent()
  @Post('inspections')
  @ApiCreatedResponse({ type: InspectionDto })
  createInspection(@Body() dto: CreateInspectionDto, @CurrentActor() actor: Actor): Promise<InspectionDto> {
    return this.write.create(dto, actor);
  }

  @Roles(...READERS)
  @Get('inspections/:id')
  @ApiOkResponse({ type: InspectionDto })
  getInspection(@Param('id', IdPipe) id: string, @CurrentActor() actor: Actor): Promise<InspectionDto> {
    return this.service.get(id, actor);
  }

  @Roles('task_force_officer')
  @Patch('inspections/:id')
  @ApiOkResponse({ type: InspectionDto })
  @ApiConflictResponse({ type: ErrorBodyDto })
  updateInspection(
    @Param('id', IdPipe) id: string,
    @Body() dto: UpdateInspectionDto,
    @CurrentActor() actor: Actor,
  ): Promise<InspectionDto> {
    return this.write.update(id, dto, actor);
  }

  @Roles('task_force_officer')
  @Delete('inspections/:id')
  @HttpCode(204)
  @ApiNoContentResponse()
  async deleteInspection(
    @Param('id', IdPipe) id: string,
    @Query() query: VersionQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    await this.write.remove(id, query.version, actor);
  }

  @Roles('task_force_officer')
  @Post('inspections/:id/restore')
  @HttpCode(200)
  @ApiOkResponse({ type: InspectionDto })
  restoreInspection(@Param('id', IdPipe) id: string, @CurrentActor() actor: Actor): Promise<InspectionDto> {
    return this.write.restore(id, actor);
  }

  @Roles(...READERS)
  @Get('inspections/:id/categories')
  @ApiOkResponse({ type: [CategoryDto] })
  getCategories(@Param('id', IdPipe) id: string, @CurrentActor() actor: Actor): Promise<CategoryDto[]> {
    return this.write.categories(id, actor);
  }

  @Roles('task_force_officer')
  @Idempotent()
  @Post('inspections/:id/categories')
  @ApiCreatedResponse({ type: CategoryDto })
  createCategory(
    @Param('id', IdPipe) id: string,
    @Body() dto: CreateCategoryDto,
    @CurrentActor() actor: Actor,
  ): Promise<CategoryDto> {
    return this.write.createCategory(id, dto, actor);
  }

  @Roles('task_force_officer')
  @Patch('categories/:id')
  @ApiOkResponse({ type: CategoryDto })
  updateCategory(
    @Param('id', IdPipe) id: string,
    @Body() dto: UpdateCategoryDto,
    @CurrentActor() actor: Actor,
  ): Promise<CategoryDto> {
    return this.write.updateCategory(id, dto, actor);
  }

  @Roles('task_force_officer')
  @Delete('categories/:id')
  @HttpCode(204)
  @ApiNoContentResponse()
  async deleteCategory(@Param('id', IdPipe) id: string, @CurrentActor() actor: Actor): Promise<void> {
    await this.write.removeCategory(id, actor);
  }
}
