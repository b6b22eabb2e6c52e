import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentActor, Roles } from '../../common/auth/access.decorators.js';
import { ErrorBodyDto } from '../../common/errors/error-body.dto.js';
import { IdPipe } from '../../common/http/id.pipe.js';
import type { Actor } from '../../common/http/request-context.js';
import { CreatedUserDto, PasswordResetDto, UserDto, UserPageDto, UserQueryDto } from './dto/user.dto.js';
import { CreateUserDto, SetRolesDto, UpdateUserDto } from './dto/user-write.dto.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@ApiNotFoundResponse({ type: ErrorBodyDto })
@ApiForbiddenResponse({ type: ErrorBodyDto })
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  // the three admins read accounts: the audit admin to check who holds which role
  @Roles('system_admin', 'security_admin', 'audit_admin')
  @Get()
  @ApiOkResponse({ type: UserPageDto })
  getUsers(@Query() query: UserQueryDto): Promise<UserPageDto> {
    return this.users.list(query);
  }

  @Roles('system_admin', 'security_admin', 'audit_admin')
  @Get(':id')
  @ApiOkResponse({ type: UserDto })
  getUser(@Param('id', IdPipe) id: string): Promise<UserDto> {
    return this.users.get(id);
  }

  @Roles('system_admin')
  @Post()
  @ApiCreatedResponse({ type: CreatedUserDto })
  @ApiConflictResponse({ type: ErrorBodyDto })
  @ApiUnprocessableEntityResponse({ type: ErrorBodyDto })
  createUser(@Body() dto: CreateUserDto): Promise<CreatedUserDto> {
    return this.users.create(dto);
  }

  @Roles('system_admin')
  @Patch(':id')
  @ApiOkResponse({ type: UserDto })
  @ApiConflictResponse({ type: ErrorBodyDto })
  updateUser(
    @Param('id', IdPipe) id: string,
    @Body() dto: UpdateUserDto,
    @CurrentActor() actor: Actor,
  ): Promise<UserDto> {
    return this.users.update(id, dto, actor);
  }

  @Roles('security_admin')
  @Put(':id/roles')
  @ApiOkResponse({ type: UserDto })
  @ApiConflictResponse({ type: ErrorBodyDto })
  @ApiUnprocessableEntityResponse({ type: ErrorBodyDto })
  setUserRoles(
    @Param('id', IdPipe) id: string,
    @Body() dto: SetRolesDto,
    @CurrentActor() actor: Actor,
  ): Promise<UserDto> {
    return this.users.setRoles(id, dto, actor);
  }

  @Roles('security_admin')
  @Post(':id/reset-password')
  @HttpCode(200)
  @ApiOkResponse({ type: PasswordResetDto })
  resetUserPassword(@Param('id', IdPipe) id: string, @CurrentActor() actor: Actor): Promise<PasswordResetDto> {
    return this.users.resetPassword(id, actor);
  }

  @Roles('security_admin')
  @Post(':id/unlock')
  @HttpCode(200)
  @ApiOkResponse({ type: UserDto })
  unlockUser(@Param('id', IdPipe) id: string): Promise<UserDto> {
    return this.users.unlock(id);
  }

  @Roles('security_admin')
  @Post(':id/mfa/reset')
  @HttpCode(200)
  @ApiOkResponse({ type: UserDto })
  @ApiConflictResponse({ type: ErrorBodyDto })
  resetUserMfa(@Param('id', IdPipe) id: string, @CurrentActor() actor: Actor): Promise<UserDto> {
    return this.users.resetMfa(id, actor);
  }
}
