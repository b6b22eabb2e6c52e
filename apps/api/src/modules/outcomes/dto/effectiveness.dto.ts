import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsString, MaxLength, Min, MinLength } from 'class-validator';
import { EFFECTIVENESS_RATINGS, type EffectivenessRating } from '@zhenggai/domain';
import { RefDto } from '../../units/dto/ref.dto.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class EffectivenessDto {
  @ApiProperty({ format: 'uuid' }) problemId: string;
  @ApiProperty({ enum: EFFECTIVENESS_RATINGS, nullable: true }) rating: EffectivenessRating | null;
  @ApiProperty({ type: String, nullable: true, example: '好' }) ratingLabel: string | null;
  @ApiProperty({ type: String, nullable: true }) text: string | null;
  @ApiProperty({ type: RefDto, nullable: true }) evaluatedBy: RefDto | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) evaluatedAt: string | null;
  @ApiProperty({ description: 'signed off (已完成, 视同完成), so it may be evaluated' }) evaluable: boolean;
  @ApiProperty({ description: '0 while not evaluated; send it back with the next save' }) version: number;
}

export class UpdateEffectivenessDto {
  @ApiProperty({ description: 'the version read (0 for the first evaluation); a stale one answers 409' })
  @IsInt({ message: '缺少版本号，请刷新后重试' })
  @Min(0)
  version: number;

  @ApiProperty({ enum: EFFECTIVENESS_RATINGS })
  @IsIn(EFFECTIVENESS_RATINGS, { message: '成效评价须为“好”“较好”“一般”或“差”' })
  rating: EffectivenessRating;

  @ApiProperty({ maxLength: 2000 })
  @Transform(trim)
  @IsString({ message: '请填写评估意见' })
  @MinLength(2, { message: '请填写评估意见' })
  @MaxLength(2000, { message: '评估意见不超过 2000 字' })
  text: string;
}
