import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { PageQueryDto } from '../../../common/http/pagination.js';
import { IsCalendarDate } from '../../../common/http/validators.js';
import { VersionedDto } from '../../../common/http/versioned.dto.js';
import { NoControlCharacters, trim } from './text-rules.js';

export const MAX_NOTICE_TEXT = 200_000;

// optional, but not nullable: null is checked (and refused) like any other value, never written to a NOT NULL column
const IsPresent = () => ValidateIf((_object: object, value: unknown) => value !== undefined);

export class CreatePublicationDto {
  @ApiPropertyOptional({
    maxLength: 5000,
    description:
      "text of section 一 (组织领导情况), paragraphs separated by line breaks; default: the imported notice's, else a standard paragraph",
  })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  @NoControlCharacters({ multiline: true })
  organisationText?: string;

  @ApiPropertyOptional({
    type: [String],
    maxItems: 200,
    description: 'terms to mask: "term" (→ ＊＊＊) or "term=>replacement"',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  @NoControlCharacters({ each: true })
  maskedTerms?: string[];

  @ApiPropertyOptional({
    default: true,
    description: 'replace every person name known to the system (persons, accounts) by surname + 某',
  })
  @IsOptional()
  @IsBoolean()
  maskPersonNames?: boolean;
}

export class UpdatePublicationDto extends VersionedDto {
  @ApiPropertyOptional({ maxLength: 500 })
  @IsPresent()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  @NoControlCharacters()
  title?: string;

  @ApiPropertyOptional({ maxLength: MAX_NOTICE_TEXT, description: 'paragraphs separated by blank lines' })
  @IsPresent()
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_NOTICE_TEXT)
  @NoControlCharacters({ multiline: true })
  text?: string;

  @ApiPropertyOptional({ type: String, format: 'date' })
  @IsPresent()
  @IsCalendarDate()
  publicityFrom?: string;

  @ApiPropertyOptional({ type: String, format: 'date' })
  @IsPresent()
  @IsCalendarDate()
  publicityTo?: string;

  @ApiPropertyOptional({ type: String, maxLength: 50, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  @NoControlCharacters()
  contactPhone?: string | null;

  @ApiPropertyOptional({ type: String, maxLength: 100, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @NoControlCharacters()
  contactHours?: string | null;

  @ApiPropertyOptional({ type: String, maxLength: 100, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @NoControlCharacters()
  contactEmail?: string | null;
}

export class PublishPublicationDto extends VersionedDto {}

export class WithdrawPublicationDto extends VersionedDto {
  @ApiProperty({ maxLength: 2000, description: 'why the notice is withdrawn (at least 2 characters)' })
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(2000)
  @NoControlCharacters({ multiline: true })
  reason: string;
}

export class FeedbackQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'true: only opinions not yet handled' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value,
  )
  @IsBoolean()
  unread?: boolean;
}

export class HandleFeedbackDto extends VersionedDto {
  @ApiPropertyOptional({ maxLength: 2000, description: 'how the opinion was handled (处理说明)' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  @NoControlCharacters({ multiline: true })
  replyNote?: string;
}

/** What the public sends from the notice page. */
export class SubmitFeedbackDto {
  @ApiProperty({ minLength: 5, maxLength: 2000, description: 'the opinion (意见建议)' })
  @Transform(trim)
  @IsString()
  @MinLength(5)
  @MaxLength(2000)
  @NoControlCharacters({ multiline: true })
  content: string;

  @ApiPropertyOptional({ maxLength: 50, description: 'sender name, optional' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(50)
  @NoControlCharacters()
  name?: string;

  @ApiPropertyOptional({ maxLength: 100, description: 'phone or email to reply to, optional' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  @NoControlCharacters()
  contact?: string;
}
