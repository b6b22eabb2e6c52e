import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsOptional, ValidateNested } from 'class-validator';
import { NOTIFICATION_KINDS, type NotificationKind } from '@zhenggai/domain';
import { EmailField } from '../../../common/http/email-field.js';
import { VersionedDto } from '../../../common/http/versioned.dto.js';

export class NotificationKindChoiceDto {
  @ApiProperty({ enum: NOTIFICATION_KINDS, enumName: 'NotificationKind', example: 'measure.urged' })
  @IsIn(NOTIFICATION_KINDS, { message: '未知的通知类型' })
  kind: NotificationKind;

  @ApiProperty({ description: 'also by email (when the account has an address and mail is on)' })
  @IsBoolean()
  email: boolean;
}

export class NotificationKindSettingDto {
  @ApiProperty({ enum: NOTIFICATION_KINDS, enumName: 'NotificationKind' }) kind: NotificationKind;
  @ApiProperty({ example: '催办' }) label: string;
  @ApiProperty({ description: 'in the app: always on' }) inApp: boolean;
  @ApiProperty({ description: 'also by email' }) email: boolean;
}

export class NotificationSettingsDto {
  @ApiProperty({ type: String, nullable: true, example: 'zhangsan@example.gov.cn' }) email: string | null;
  @ApiProperty({ description: 'whether the server sends mail at all (SMTP_URL set)' }) mailEnabled: boolean;
  @ApiProperty({ description: 'true: one digest mail a day (07:30 China time) instead of one mail per notification' })
  mailDigest: boolean;
  @ApiProperty({ type: [NotificationKindSettingDto], description: 'the kinds this account can receive' })
  kinds: NotificationKindSettingDto[];
  @ApiProperty({ description: 'the account’s version: send it back with a change' }) version: number;
}

export class UpdateNotificationSettingsDto extends VersionedDto {
  @EmailField()
  email?: string | null;

  @ApiProperty({ required: false, description: 'one digest mail a day instead of one per notification' })
  @IsOptional()
  @IsBoolean()
  mailDigest?: boolean;

  @ApiProperty({ type: [NotificationKindChoiceDto], required: false })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(NOTIFICATION_KINDS.length)
  @ArrayUnique((choice: NotificationKindChoiceDto) => choice.kind, { message: '通知类型不能重复' })
  @ValidateNested({ each: true })
  @Type(() => NotificationKindChoiceDto)
  kinds?: NotificationKindChoiceDto[];
}
