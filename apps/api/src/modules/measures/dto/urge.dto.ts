import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export const URGE_MESSAGE_MAX = 500;

export class UrgeMeasureDto {
  @ApiProperty({ description: 'what the task force asks of the units (催办意见)', maxLength: URGE_MESSAGE_MAX })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(URGE_MESSAGE_MAX)
  message: string;
}

export class UrgeMeasuresDto extends UrgeMeasureDto {
  @ApiProperty({ type: [String], description: 'the measures to urge (at most 2,000: a province’s whole overdue list)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(2000)
  @IsUUID('all', { each: true })
  measureIds: string[];
}

export class UnreachedUnitDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class UrgeResultDto {
  @ApiProperty({ format: 'uuid', description: 'the urge (its entries in the measures’ history share it)' }) id: string;
  @ApiProperty({ description: 'the measures urged' }) measures: number;
  @ApiProperty({ description: 'the users notified, each once' }) recipients: number;
  @ApiProperty({
    type: [UnreachedUnitDto],
    description: 'responsible units without an enabled account: nobody there was told (call them)',
  })
  unreachedUnits: UnreachedUnitDto[];
}
