import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '@zhenggai/domain';

export class SessionUserDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  username: string;

  @ApiProperty()
  displayName: string;

  @ApiProperty({ enum: ROLES, enumName: 'Role', isArray: true })
  roles: Role[];

  @ApiProperty({ type: [String], description: 'the units whose items this account works on' })
  unitIds: string[];

  @ApiProperty({ type: String, nullable: true })
  unitName: string | null;

  @ApiProperty({ description: 'the account must set a new password before anything else' })
  mustChangePassword: boolean;

  @ApiProperty({ description: 'send back in X-CSRF-Token on every write' })
  csrfToken: string;
}

export class LoginResponseDto {
  @ApiProperty({ type: SessionUserDto })
  user: SessionUserDto;

  @ApiProperty()
  csrfToken: string;
}
