import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

// versions are PostgreSQL integers
const MAX_VERSION = 2_147_483_647;

// The body of a write that must not overwrite a newer version (optimistic locking).
export class VersionedDto {
  @ApiPropertyOptional({ description: 'the version you read; a stale or missing one answers 409' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_VERSION)
  version?: number;
}

// The version of a delete or another write without a body, in the query string (?version=3).
export class VersionQueryDto {
  @ApiPropertyOptional({ description: 'the version you read' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_VERSION)
  version?: number;
}
