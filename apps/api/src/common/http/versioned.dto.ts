import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';

// The body of a write that must not overwrite a newer version (optimistic locking).
export class VersionedDto {
  @ApiPropertyOptional({ description: 'the version you read; a stale or missing one answers 409' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

// The version of a delete or another write without a body, in the query string (?version=3).
export class VersionQueryDto {
  @ApiPropertyOptional({ description: 'the version you read' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version?: number;
}
