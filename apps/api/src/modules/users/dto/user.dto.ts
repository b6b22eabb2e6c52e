import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { ROLES, type Role } from '@zhenggai/domain';
import { PageQueryDto } from '../../../common/http/pagination.js';

// An account as administrators see it. Never a password hash, second-factor secret or recovery code.
export class UserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'zhangsan' }) username: string;
  @ApiProperty({ example: '张三' }) displayName: string;
  @ApiProperty({ type: String, nullable: true, example: 'zhangsan@example.gov.cn', description: 'where mail goes' })
  email: string | null;
  @ApiProperty({ enum: ROLES, enumName: 'Role', isArray: true }) roles: Role[];
  @ApiProperty({ type: [String], example: ['整改专班'], description: 'the roles in Chinese, in the same order' })
  roleLabels: string[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) unitId: string | null;
  @ApiProperty({ type: String, nullable: true }) unitName: string | null;
  @ApiProperty() disabled: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) disabledAt: string | null;
  @ApiProperty({ type: String, enum: ['admin', 'dormant'], nullable: true }) disabledReason: string | null;
  @ApiProperty({ description: 'locked after repeated failed sign-ins' }) locked: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lockedUntil: string | null;
  @ApiProperty({ description: 'consecutive failed sign-ins so far' }) failedLoginCount: number;
  @ApiProperty() mustChangePassword: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) passwordChangedAt: string | null;
  @ApiProperty() passwordExpired: boolean;
  @ApiProperty() mfaEnabled: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastLoginAt: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty() version: number;
}

export class UserPageDto {
  @ApiProperty({ type: [UserDto] }) items: UserDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class CreatedUserDto {
  @ApiProperty({ type: UserDto }) user: UserDto;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'the generated initial password, shown this once (null when the request supplied one)',
  })
  initialPassword: string | null;
}

export class PasswordResetDto {
  @ApiProperty({ type: UserDto }) user: UserDto;
  @ApiProperty({
    description: 'a one-time temporary password, shown this once; it must be changed at the next sign-in',
  })
  temporaryPassword: string;
}

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class UserQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'text in the username or the display name' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  q?: string;

  @ApiPropertyOptional({ enum: ROLES, enumName: 'Role' })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  disabled?: boolean;
}
