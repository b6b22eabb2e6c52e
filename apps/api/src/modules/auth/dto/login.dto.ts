import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

// Password fields accept more UTF-16 units than the policy's 128 characters: the policy counts characters, and an
// over-long password must get the policy's message, not a generic one. Nothing is ever truncated.
const PASSWORD_FIELD_MAX = 512;

export class LoginDto {
  @ApiProperty({ example: 'officer' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  username: string;

  @ApiProperty({ example: 'Demo@2024zg', format: 'password' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_FIELD_MAX)
  password: string;
}

export class LoginMfaDto {
  @ApiProperty({ description: 'the mfaToken answered by POST /api/auth/login' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  mfaToken: string;

  @ApiPropertyOptional({ example: '123456', description: 'the 6-digit code of the authenticator app' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{6}$/, { message: '动态验证码为 6 位数字' })
  code?: string;

  @ApiPropertyOptional({ example: 'ABCD-EFGH-JKLM-NPQR', description: 'one of the recovery codes, instead of a code' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  recoveryCode?: string;
}

export class ChangePasswordDto {
  @ApiProperty({ format: 'password' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_FIELD_MAX)
  currentPassword: string;

  @ApiProperty({
    format: 'password',
    description: '8–128 characters, 3 of 5 character classes, not common, not the username',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_FIELD_MAX)
  newPassword: string;
}

export class EnableMfaDto {
  @ApiProperty({ example: '123456' })
  @IsString()
  @Matches(/^\d{6}$/, { message: '动态验证码为 6 位数字' })
  code: string;
}

export class DisableMfaDto {
  @ApiProperty({ format: 'password' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_FIELD_MAX)
  password: string;

  @ApiPropertyOptional({ example: '123456' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{6}$/, { message: '动态验证码为 6 位数字' })
  code?: string;

  @ApiPropertyOptional({ example: 'ABCD-EFGH-JKLM-NPQR' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  recoveryCode?: string;
}
