import { IsCalendarDate } from '../../../common/http/validators.js';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';

// a role may be left out, not cleared: the column holds one (null is refused, not stored)
const unlessAbsent = ValidateIf((_object, value) => value !== undefined);
// the closed lists live once, in packages/domain: the screens offer what the API accepts
import { ACCOUNTABILITY_FORMS, COUNT_UNITS, FUND_KINDS, RULE_ROLES } from '@zhenggai/domain';
import { VersionedDto } from '../../../common/http/versioned.dto.js';

export class AccountabilityActionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) problemId: string;
  @ApiProperty({ enum: ACCOUNTABILITY_FORMS }) form: string;
  @ApiProperty({ type: Number, nullable: true }) count: number | null;
  @ApiProperty({ type: String, enum: COUNT_UNITS, nullable: true }) countUnit: string | null;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty() version: number;
}

export class RuleDocumentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) problemId: string;
  @ApiProperty({ description: 'the title inside 《》' }) title: string;
  @ApiProperty({ enum: RULE_ROLES, description: 'issued 制定 | revised 修订 | studied 学习 | mentioned 提及' })
  role: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) issuedOn: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) unitId: string | null;
  @ApiProperty() version: number;
}

export class FundRecoveryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) problemId: string;
  @ApiProperty({ enum: FUND_KINDS }) kind: string;
  @ApiProperty({ description: '万元' }) amount: number;
  @ApiProperty({ example: '万元' }) unit: string;
  @ApiProperty({ type: String, nullable: true }) rawText: string | null;
  @ApiProperty() version: number;
}

export class OutcomeTotalsDto {
  @ApiProperty({ description: '问责 counted in 人' }) people: number;
  @ApiProperty({ description: '问责 counted in 人次' }) personTimes: number;
  @ApiProperty({ description: 'rules issued or revised (建章立制)' }) rules: number;
  @ApiProperty({ description: '万元' }) funds: number;
}

export class ProblemOutcomesDto {
  @ApiProperty({ type: [AccountabilityActionDto] }) accountability: AccountabilityActionDto[];
  @ApiProperty({ type: [RuleDocumentDto] }) rules: RuleDocumentDto[];
  @ApiProperty({ type: [FundRecoveryDto] }) funds: FundRecoveryDto[];
  @ApiProperty({ type: OutcomeTotalsDto }) totals: OutcomeTotalsDto;
}

export class CreateAccountabilityDto {
  @ApiProperty({ enum: ACCOUNTABILITY_FORMS }) @IsIn(ACCOUNTABILITY_FORMS) form: string;
  @ApiPropertyOptional({ description: 'null when the text gives no number' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100000)
  count?: number;
  @ApiPropertyOptional({ enum: COUNT_UNITS }) @IsOptional() @IsIn(COUNT_UNITS) countUnit?: string;
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class UpdateAccountabilityDto extends VersionedDto {
  @ApiPropertyOptional({ enum: ACCOUNTABILITY_FORMS }) @IsOptional() @IsIn(ACCOUNTABILITY_FORMS) form?: string;
  @ApiPropertyOptional({ type: Number, nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(100000) count?:
    number | null;
  @ApiPropertyOptional({ enum: COUNT_UNITS }) @IsOptional() @IsIn(COUNT_UNITS) countUnit?: string;
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class CreateRuleDocumentDto {
  @ApiProperty({ maxLength: 300, example: '武汉经开区党工委议事规则' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title: string;
  @ApiPropertyOptional({ enum: RULE_ROLES, default: 'issued' }) @unlessAbsent @IsIn(RULE_ROLES) role?: string;
  @ApiPropertyOptional({ format: 'date' }) @IsOptional() @IsCalendarDate() issuedOn?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() unitId?: string;
}

export class UpdateRuleDocumentDto extends VersionedDto {
  @ApiPropertyOptional({ maxLength: 300 }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(300) title?: string;
  @ApiPropertyOptional({ enum: RULE_ROLES }) @unlessAbsent @IsIn(RULE_ROLES) role?: string;
  @ApiPropertyOptional({ format: 'date' }) @IsOptional() @IsCalendarDate() issuedOn?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() unitId?: string;
}

export class CreateFundRecoveryDto {
  @ApiProperty({ enum: FUND_KINDS }) @IsIn(FUND_KINDS) kind: string;
  @ApiProperty({ description: '万元, two decimals at most' })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(1e10)
  amount: number;
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @MaxLength(2000) rawText?: string;
}

export class UpdateFundRecoveryDto extends VersionedDto {
  @ApiPropertyOptional({ enum: FUND_KINDS }) @IsOptional() @IsIn(FUND_KINDS) kind?: string;
  @ApiPropertyOptional() @IsOptional() @IsNumber({ maxDecimalPlaces: 2 }) @Min(0) @Max(1e10) amount?: number;
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @MaxLength(2000) rawText?: string;
}
