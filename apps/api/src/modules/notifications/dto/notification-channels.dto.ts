import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../../common/http/pagination.js';

export const DELIVERY_CHANNELS = ['email'] as const;
export const DELIVERY_STATUSES = ['sent', 'failed'] as const;

export class EmailChannelDto {
  @ApiProperty({ description: 'false: SMTP_URL is not set, no mail is sent' }) enabled: boolean;
  @ApiProperty({ type: String, nullable: true, example: 'smtp.example.gov.cn' }) host: string | null;
  @ApiProperty({ type: Number, nullable: true, example: 465 }) port: number | null;
  @ApiProperty({ description: 'TLS from the start (smtps://)' }) secure: boolean;
  @ApiProperty({ type: String, nullable: true, example: '整改专班 <zhenggai@example.gov.cn>' }) from: string | null;
  @ApiProperty({ example: 'https://zhenggai.example.gov.cn', description: 'where the links in mail point' })
  publicUrl: string;
  @ApiProperty({ description: 'active accounts with an email address' }) usersWithEmail: number;
  @ApiProperty({ description: 'active accounts' }) activeUsers: number;
}

export class NotificationChannelsDto {
  @ApiProperty({ type: EmailChannelDto }) email: EmailChannelDto;
}

export class TestMailDto {
  @ApiProperty({ example: 'zhenggai@example.gov.cn' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @MaxLength(254)
  @IsEmail({}, { message: '请输入有效的邮箱地址' })
  to: string;
}

export class QueuedMailDto {
  @ApiProperty({ format: 'uuid', description: 'the job that sends it' }) id: string;
}

export class DeliveryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: DELIVERY_CHANNELS }) channel: string;
  @ApiProperty({ example: 'li@example.gov.cn' }) recipient: string;
  @ApiProperty({ type: String, nullable: true, description: 'the account it went to (null: a test mail)' })
  userName: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'measure.urged' }) kind: string | null;
  @ApiProperty() subject: string;
  @ApiProperty({ enum: DELIVERY_STATUSES }) status: string;
  @ApiProperty({ type: String, nullable: true }) error: string | null;
  @ApiProperty({ description: '1 for the first attempt' }) attempt: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}

export class DeliveryPageDto {
  @ApiProperty({ type: [DeliveryDto] }) items: DeliveryDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class DeliveryQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: DELIVERY_CHANNELS })
  @IsOptional()
  @IsIn(DELIVERY_CHANNELS)
  channel?: (typeof DELIVERY_CHANNELS)[number];

  @ApiPropertyOptional({ enum: DELIVERY_STATUSES })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  status?: (typeof DELIVERY_STATUSES)[number];
}
