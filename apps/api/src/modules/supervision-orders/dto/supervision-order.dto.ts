import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { IsCalendarDate } from '../../../common/http/validators.js';
import { PageQueryDto } from '../../../common/http/pagination.js';
import { RefDto } from '../../units/dto/ref.dto.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export const ORDER_STATUSES = ['open', 'replied', 'overdue'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export class CreateSupervisionOrderDto {
  @ApiProperty({ format: 'uuid', description: 'the unit the order goes to' })
  @IsUUID('all', { message: '请选择督办单位' })
  unitId: string;

  @ApiProperty({ type: [String], description: 'the unit’s unfinished measures it is about (1–50)' })
  @IsArray()
  @ArrayMinSize(1, { message: '请至少选择一项整改措施' })
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  measureIds: string[];

  @ApiProperty({ example: '2024-07-31', description: 'reply by this day (today or later)' })
  @IsCalendarDate()
  replyBy: string;

  @ApiProperty({ maxLength: 2000, description: 'what the task force requires' })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: '请填写督办内容' })
  @MaxLength(2000, { message: '督办内容不超过 2000 字' })
  body: string;
}

export class ReplySupervisionOrderDto {
  @ApiProperty({ maxLength: 2000 })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: '请填写回复内容' })
  @MaxLength(2000, { message: '回复内容不超过 2000 字' })
  body: string;

  @ApiPropertyOptional({ type: [String], description: 'evidence already uploaded to the order’s measures' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  attachmentIds?: string[];
}

export class SupervisionOrderQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ORDER_STATUSES })
  @IsOptional()
  @IsIn(ORDER_STATUSES)
  status?: OrderStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  unitId?: string;
}

export class OrderMeasureDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) problemId: string;
  @ApiProperty({ example: '一(1)' }) label: string;
  @ApiProperty() text: string;
  @ApiProperty({ type: String, nullable: true }) deadline: string | null;
}

/** A file the unit attached to its reply: evidence (佐证材料) of one of the order's measures. */
export class OrderReplyAttachmentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) measureId: string;
  @ApiProperty({ example: '整改工作会议纪要.pdf' }) name: string;
  @ApiProperty({ description: 'bytes' }) size: number;
  @ApiProperty({ example: 'application/pdf' }) mimeType: string;
}

export class SupervisionOrderDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '督办〔2024〕3号' }) number: string;
  @ApiProperty() year: number;
  @ApiProperty() seq: number;
  @ApiProperty({ type: RefDto }) unit: RefDto;
  @ApiProperty() body: string;
  @ApiProperty({ example: '2024-07-31' }) replyBy: string;
  @ApiProperty({ enum: ORDER_STATUSES }) status: OrderStatus;
  @ApiProperty({ example: '待回复' }) statusLabel: string;
  @ApiProperty({ type: RefDto, nullable: true }) issuedBy: RefDto | null;
  @ApiProperty({ type: String, format: 'date-time' }) issuedAt: string;
  @ApiProperty({ type: String, nullable: true }) replyBody: string | null;
  @ApiProperty({ type: [String] }) replyAttachmentIds: string[];
  @ApiProperty({ type: [OrderReplyAttachmentDto], description: "the reply's evidence still on file" })
  replyAttachments: OrderReplyAttachmentDto[];
  @ApiProperty({ type: RefDto, nullable: true }) repliedBy: RefDto | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) repliedAt: string | null;
  @ApiProperty({ type: [OrderMeasureDto] }) measures: OrderMeasureDto[];
  @ApiProperty() version: number;
}

export class SupervisionOrderPageDto {
  @ApiProperty({ type: [SupervisionOrderDto] }) items: SupervisionOrderDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
