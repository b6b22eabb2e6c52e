import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsNumber, ValidateNested } from 'class-validator';
import { VersionedDto } from '../../../common/http/versioned.dto.js';
import { RefDto } from '../../units/dto/ref.dto.js';

const NUMBER = (label: string) => ({ message: `${label}须为数字` });

/** The weights of the score: points for each rate at 100% (summing to 100) and points deducted per occurrence. */
export class ScoringWeightsDto {
  @ApiProperty({ example: 50, description: 'points for a completion rate of 100% (完成率)' })
  @IsNumber({ allowNaN: false, allowInfinity: false }, NUMBER('完成率的分值'))
  completion: number;

  @ApiProperty({ example: 30, description: 'points for an on-time rate of 100% (按期率)' })
  @IsNumber({ allowNaN: false, allowInfinity: false }, NUMBER('按期率的分值'))
  onTime: number;

  @ApiProperty({ example: 20, description: 'points for a reporting punctuality of 100% (报送及时率)' })
  @IsNumber({ allowNaN: false, allowInfinity: false }, NUMBER('报送及时率的分值'))
  punctuality: number;

  @ApiProperty({ example: 2, description: 'points deducted per returned sign-off request (退回)' })
  @IsNumber({ allowNaN: false, allowInfinity: false }, NUMBER('退回次数每次扣分'))
  returned: number;

  @ApiProperty({ example: 5, description: 'points deducted per rebound found by a look-back (反弹)' })
  @IsNumber({ allowNaN: false, allowInfinity: false }, NUMBER('反弹次数每次扣分'))
  rebound: number;

  @ApiProperty({ example: 1, description: 'points deducted per 催办 received' })
  @IsNumber({ allowNaN: false, allowInfinity: false }, NUMBER('被催办次数每次扣分'))
  urged: number;
}

export class ScoringFormulaDto {
  @ApiProperty({ type: ScoringWeightsDto }) weights: ScoringWeightsDto;
  @ApiProperty({
    example: '得分 = 完成率×50 + 按期率×30 + 报送及时率×20 − 退回次数×2 − 反弹次数×5 − 被催办次数×1（最低0分）',
  })
  text: string;
}

export class UnitScoreComponentsDto {
  @ApiProperty({ example: 0.75, description: '0–1: signed-off measures (已完成, 视同完成) / measures' })
  completionRate: number;
  @ApiProperty({
    example: 0.75,
    description: '0–1: (signed off by the deadline + open and not yet overdue) / measures',
  })
  onTimeRate: number;
  @ApiProperty({ description: 'sign-off requests returned (退回)' }) returnedCount: number;
  @ApiProperty({ description: 'look-back items found rebounded (反弹)' }) reboundCount: number;
  @ApiProperty({
    example: 0.625,
    description: '0–1: (on time + ½ late) / places in closed reporting rounds; 0 without any',
  })
  reportPunctuality: number;
  @ApiProperty({ description: '催办 received' }) urgedCount: number;
  @ApiProperty({ description: "the unit's live measures (lead or co-unit)" }) measures: number;
}

export class UnitScoreDto {
  @ApiProperty({ type: RefDto }) unit: RefDto;
  @ApiProperty({ example: 63.5, description: '0 and up, 2 decimals' }) score: number;
  @ApiProperty({ example: 1, description: 'over all units of the inspection; equal scores share a rank' })
  rank: number;
  @ApiProperty({ type: UnitScoreComponentsDto }) components: UnitScoreComponentsDto;
}

export class UnitScoresDto {
  @ApiProperty({ type: ScoringFormulaDto }) formula: ScoringFormulaDto;
  @ApiProperty({ type: [UnitScoreDto], description: 'by rank; a unit account sees only its own units' })
  items: UnitScoreDto[];
}

export class ScoringPolicyDto {
  @ApiProperty({ format: 'uuid' }) inspectionId: string;
  @ApiProperty({ type: ScoringWeightsDto }) weights: ScoringWeightsDto;
  @ApiProperty({ description: 'true: no weights saved, the default applies' }) isDefault: boolean;
  @ApiProperty({ description: 'the formula in Chinese' }) text: string;
  @ApiProperty({ type: RefDto, nullable: true }) updatedBy: RefDto | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) updatedAt: string | null;
  @ApiProperty({ description: 'send it back with a change (the default is version 1)' }) version: number;
}

export class UpdateScoringPolicyDto extends VersionedDto {
  @ApiProperty({ type: ScoringWeightsDto })
  @IsDefined({ message: '请填写考核权重' })
  @ValidateNested()
  @Type(() => ScoringWeightsDto)
  weights: ScoringWeightsDto;
}
