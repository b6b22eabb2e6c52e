import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
} from 'class-validator';
import { WEBHOOK_EVENTS, WEBHOOK_FORMATS, type WebhookEvent, type WebhookFormat } from '@zhenggai/domain';
import { PageQueryDto } from '../../../common/http/pagination.js';
import { NoControlCharacters, trim } from '../../publications/dto/text-rules.js';

export class CreateWebhookDto {
  @ApiPropertyOptional({ maxLength: 100, example: '整改专班群机器人' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  @NoControlCharacters()
  name?: string;

  @ApiProperty({
    maxLength: 2000,
    example: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…',
    description: 'http or https; private, loopback and reserved targets are refused (422)',
  })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  url: string;

  @ApiProperty({
    minLength: 16,
    maxLength: 200,
    description: 'the HMAC-SHA256 key; shown only now, never answered again',
  })
  @IsString()
  @MinLength(16)
  @MaxLength(200)
  @NoControlCharacters()
  secret: string;

  @ApiProperty({ enum: WEBHOOK_EVENTS, isArray: true, minItems: 1 })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @ArrayMaxSize(WEBHOOK_EVENTS.length)
  @IsIn(WEBHOOK_EVENTS, { each: true })
  events: WebhookEvent[];

  @ApiProperty({ enum: WEBHOOK_FORMATS, description: 'json, or the markdown of a WeCom (wecom) or DingTalk robot' })
  @IsIn(WEBHOOK_FORMATS)
  format: WebhookFormat;
}

export class WebhookDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty() url: string;
  @ApiProperty({ enum: WEBHOOK_FORMATS }) format: WebhookFormat;
  @ApiProperty({ enum: WEBHOOK_EVENTS, isArray: true }) events: WebhookEvent[];
  @ApiProperty({ description: 'always true: the secret itself is never answered after creation' }) secretSet: boolean;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, nullable: true }) createdBy: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'the last attempt' })
  lastDeliveryAt: string | null;
  @ApiProperty({ type: String, enum: ['succeeded', 'failed'], nullable: true })
  lastDeliveryStatus: 'succeeded' | 'failed' | null;
}

export class CreatedWebhookDto extends WebhookDto {
  @ApiProperty({ description: 'the secret as given, answered this once' }) secret: string;
}

export class WebhookListDto {
  @ApiProperty({ type: [WebhookDto] }) items: WebhookDto[];
}

export class WebhookDeliveryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', description: 'the X-Zhenggai-Delivery header: one per event, the same on retries' })
  messageId: string;
  @ApiProperty({ enum: WEBHOOK_EVENTS }) event: string;
  @ApiProperty({ description: '1 for the first attempt' }) attempt: number;
  @ApiProperty({ enum: ['succeeded', 'failed'] }) status: 'succeeded' | 'failed';
  @ApiProperty({ type: Number, nullable: true }) httpStatus: number | null;
  @ApiProperty({ type: String, nullable: true }) error: string | null;
  @ApiProperty() durationMs: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}

export class WebhookDeliveryPageDto {
  @ApiProperty({ type: [WebhookDeliveryDto] }) items: WebhookDeliveryDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class WebhookDeliveryQueryDto extends PageQueryDto {}
