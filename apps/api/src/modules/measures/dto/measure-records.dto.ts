import { ApiProperty } from '@nestjs/swagger';
import { MEASURE_STATUSES, type MeasureStatus } from '@zhenggai/domain';
import { RefDto } from '../../units/dto/ref.dto.js';

export class MeasureEventDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'start / submit / approve / return / reopen / update / assign / progress / extension_*' })
  action: string;
  @ApiProperty({ description: 'the action in Chinese' }) actionLabel: string;
  @ApiProperty({ enum: MEASURE_STATUSES, nullable: true }) fromStatus: MeasureStatus | null;
  @ApiProperty({ enum: MEASURE_STATUSES, nullable: true }) toStatus: MeasureStatus | null;
  @ApiProperty({ type: RefDto, nullable: true }) unit: RefDto | null;
  @ApiProperty({ type: RefDto, nullable: true }) actor: RefDto | null;
  @ApiProperty({ type: String, nullable: true }) opinion: string | null;
  @ApiProperty({ type: [String] }) attachmentIds: string[];
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true }) detail: Record<string, unknown> | null;
  @ApiProperty({ type: String, format: 'date-time' }) occurredAt: string;
}

export class ExtensionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) measureId: string;
  @ApiProperty({ type: RefDto }) unit: RefDto;
  @ApiProperty({ type: RefDto, nullable: true }) requestedBy: RefDto | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) previousDeadline: string | null;
  @ApiProperty({ type: String, format: 'date' }) requestedDeadline: string;
  @ApiProperty() reason: string;
  @ApiProperty({ enum: ['pending', 'approved', 'refused'] }) status: 'pending' | 'approved' | 'refused';
  @ApiProperty({ description: '待审批 / 已同意 / 未同意' }) statusLabel: string;
  @ApiProperty({ type: RefDto, nullable: true }) decidedBy: RefDto | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) opinion: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty() version: number;
  @ApiProperty({ description: "the measure's official reference, e.g. 7.(2)" }) measureRef: string;
  @ApiProperty() measureText: string;
}

export class ExtensionPageDto {
  @ApiProperty({ type: [ExtensionDto] }) items: ExtensionDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class ProgressFactOutDto {
  @ApiProperty() label: string;
  @ApiProperty({ required: false }) done?: number;
  @ApiProperty({ required: false }) total?: number;
  @ApiProperty({ required: false }) unit?: string;
}

export class ProgressUpdateDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) measureId: string;
  @ApiProperty({ type: RefDto, nullable: true }) unit: RefDto | null;
  @ApiProperty({ type: RefDto, nullable: true }) author: RefDto | null;
  @ApiProperty({ type: String, format: 'date' }) reportedOn: string;
  @ApiProperty() text: string;
  @ApiProperty({ type: [ProgressFactOutDto] }) facts: ProgressFactOutDto[];
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}

export class CheckpointDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'date' }) dueOn: string;
  @ApiProperty({ type: String, nullable: true }) title: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) doneOn: string | null;
  @ApiProperty({ enum: ['open', 'pending', 'done'], description: 'pending: in the review list; done: reviewed' })
  reviewStatus: string;
  @ApiProperty({ type: String, enum: ['reached', 'missed'], nullable: true }) outcome: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the review opinion' }) opinion: string | null;
}
