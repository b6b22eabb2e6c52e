import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Role } from '@zhenggai/domain';
import { READERS, Roles } from '../../common/auth/access.decorators.js';
import { ErrorBodyDto } from '../../common/errors/error-body.dto.js';
import { Idempotent } from '../../common/idempotency/idempotency.interceptor.js';
import { IdPipe } from '../../common/http/id.pipe.js';
import {
  CreatePersonDto,
  CreateUnitDto,
  PersonDto,
  PersonQueryDto,
  UnitDto,
  UpdatePersonDto,
  UpdateUnitDto,
} from './dto/unit.dto.js';
import { UnitsService } from './units.service.js';

// Reference data: read by every business role and the system admin, maintained by the task force and the system admin.
const EDITORS: Role[] = ['task_force_officer', 'system_admin'];
const VIEWERS: Role[] = [...READERS, 'system_admin'];

@ApiTags('units')
@ApiNotFoundResponse({ type: ErrorBodyDto })
@Controller()
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @Roles(...VIEWERS)
  @Get('units')
  @ApiOkResponse({ type: [UnitDto], description: 'every live unit; build the tree from parentId' })
  getUnits(): Promise<UnitDto[]> {
    return this.units.list();
  }

  @Roles(...EDITORS)
  @Idempotent()
  @Post('units')
  @ApiCreatedResponse({ type: UnitDto })
  createUnit(@Body() dto: CreateUnitDto): Promise<UnitDto> {
    return this.units.create(dto);
  }

  @Roles(...EDITORS)
  @Patch('units/:id')
  @ApiOkResponse({ type: UnitDto })
  updateUnit(@Param('id', IdPipe) id: string, @Body() dto: UpdateUnitDto): Promise<UnitDto> {
    return this.units.update(id, dto);
  }

  @Roles(...EDITORS)
  @Delete('units/:id')
  @HttpCode(204)
  @ApiNoContentResponse()
  async deleteUnit(@Param('id', IdPipe) id: string): Promise<void> {
    await this.units.remove(id);
  }

  @Roles(...VIEWERS)
  @Get('persons')
  @ApiOkResponse({ type: [PersonDto] })
  getPersons(@Query() query: PersonQueryDto): Promise<PersonDto[]> {
    return this.units.persons(query.unitId);
  }

  @Roles(...EDITORS)
  @Idempotent()
  @Post('persons')
  @ApiCreatedResponse({ type: PersonDto })
  createPerson(@Body() dto: CreatePersonDto): Promise<PersonDto> {
    return this.units.createPerson(dto);
  }

  @Roles(...EDITORS)
  @Patch('persons/:id')
  @ApiOkResponse({ type: PersonDto })
  updatePerson(@Param('id', IdPipe) id: string, @Body() dto: UpdatePersonDto): Promise<PersonDto> {
    return this.units.updatePerson(id, dto);
  }

  @Roles(...EDITORS)
  @Delete('persons/:id')
  @HttpCode(204)
  @ApiNoContentResponse()
  async deletePerson(@Param('id', IdPipe) id: string): Promise<void> {
    await this.units.removePerson(id);
  }
}
