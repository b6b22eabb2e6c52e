import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, Max, Min, ValidateNested } from 'class-validator';
import {
  ESCALATION_TARGETS,
  MAX_DUE_SOON_DAYS,
  MAX_OVERDUE_DAYS,
  REMINDER_CHANNELS,
  type EscalationTarget,
  type ReminderChannel,
} from '@zhenggai/domain';
import { VersionedDto } from '../../../common/http/versioned.dto.js';
import { RefDto } from '../../units/dto/ref.dto.js';

export class EscalationStepDto {
  @ApiProperty({
    minimum: 0,
    maximum: MAX_OVERDUE_DAYS,
    description: 'days after the deadline (0: the day it becomes overdue)',
  })
  @IsInt({ message: '逾期天数须为整数' })
  @Min(0)
  @Max(MAX_OVERDUE_DAYS)
  afterOverdueDays: number;

  @ApiProperty({ enum: ESCALATION_TARGETS, enumName: 'EscalationTarget' })
  @IsIn(ESCALATION_TARGETS, { message: '未知的提醒对象' })
  notify: EscalationTarget;
}

export class ReminderPolicyDto {
  @ApiProperty({ format: 'uuid' }) inspectionId: string;
  @ApiProperty({ type: [Number], example: [7, 3, 1], description: 'reminders this many days before a deadline' })
  dueSoonDays: number[];
  @ApiProperty({ type: [EscalationStepDto] }) escalation: EscalationStepDto[];
  @ApiProperty({ enum: REMINDER_CHANNELS, enumName: 'ReminderChannel', isArray: true }) channels: ReminderChannel[];
  @ApiProperty({ description: 'true: no policy saved, the default applies' }) isDefault: boolean;
  @ApiProperty({ example: '到期前 7、3、1 天提醒责任单位；逾期当天提醒责任单位全部账号……', description: 'in Chinese' })
  text: string;
  @ApiProperty({ type: RefDto, nullable: true }) updatedBy: RefDto | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) updatedAt: string | null;
  @ApiProperty({ description: 'send it back with a change (the default is version 1)' }) version: number;
}

export class UpdateReminderPolicyDto extends VersionedDto {
  @ApiProperty({ type: [Number], example: [7, 3, 1] })
  @IsArray()
  @ArrayMaxSize(10)
  @IsInt({ each: true, message: '到期前提醒的天数须为整数' })
  @Min(1, { each: true })
  @Max(MAX_DUE_SOON_DAYS, { each: true })
  dueSoonDays: number[];

  @ApiProperty({ type: [EscalationStepDto] })
  @IsArray()
  @ArrayMinSize(1, { message: '至少设置一级逾期提醒' })
  @ArrayMaxSize(8)
  @ValidateNested({ each: true })
  @Type(() => EscalationStepDto)
  escalation: EscalationStepDto[];

  @ApiProperty({ enum: REMINDER_CHANNELS, enumName: 'ReminderChannel', isArray: true })
  @IsArray()
  @ArrayMaxSize(REMINDER_CHANNELS.length)
  @IsIn(REMINDER_CHANNELS, { each: true, message: '未知的提醒渠道' })
  channels: ReminderChannel[];
}

export class QueuedSweepDto {
  @ApiProperty({ format: 'uuid', description: 'the queued run of the sweep (系统管理 › 后台任务 shows its result)' })
  id: string;
}
