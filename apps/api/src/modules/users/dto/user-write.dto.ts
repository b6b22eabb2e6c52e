import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { ROLES, type Role } from '@zhenggai/domain';
import { EmailField } from '../../../common/http/email-field.js';
import { VersionedDto } from '../../../common/http/versioned.dto.js';

const NO_CONTROL = /^[^\p{Cc}]*$/u;

export class CreateUserDto {
  @ApiProperty({
    example: 'zhangsan',
    description: '3–64 characters: a letter, then letters, digits, `.`, `_`, `-`; stored in lower case',
  })
  @IsString()
  @Matches(/^[A-Za-z][A-Za-z0-9._-]{2,63}$/, {
    message: '用户名须以字母开头，由 3–64 位字母、数字、点、下划线或连字符组成',
  })
  username: string;

  @ApiProperty({ example: '张三', maxLength: 50 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  @Matches(NO_CONTROL, { message: '不能包含控制字符' })
  displayName: string;

  @EmailField()
  email?: string | null;

  @ApiProperty({
    enum: ROLES,
    enumName: 'Role',
    isArray: true,
    description: 'business roles only; admin roles are granted by the security admin',
  })
  @IsArray()
  @ArrayMaxSize(ROLES.length)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles: Role[];

  @ApiPropertyOptional({ format: 'uuid', description: 'required for unit roles (单位负责人, 单位经办人)' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({
    format: 'password',
    description: 'initial password (policy applies); generated and returned once when absent',
  })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  password?: string;
}

export class UpdateUserDto extends VersionedDto {
  @ApiPropertyOptional({ maxLength: 50 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  @Matches(NO_CONTROL, { message: '不能包含控制字符' })
  displayName?: string;

  @EmailField()
  email?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID()
  unitId?: string | null;

  @ApiPropertyOptional({ description: 'true disables the account and ends its sessions; false enables it again' })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;
}

export class SetRolesDto extends VersionedDto {
  @ApiProperty({ enum: ROLES, enumName: 'Role', isArray: true })
  @IsArray()
  @ArrayMaxSize(ROLES.length)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles: Role[];
}
