import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../../common/http/pagination.js';

export class NotificationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'measure.urged', description: 'what happened' }) kind: string;
  @ApiProperty({ example: '整改措施催办' }) title: string;
  @ApiProperty() body: string;
  @ApiProperty({ type: String, nullable: true, example: '/problems/…?measure=…', description: 'a path of the web app' })
  link: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readAt: string | null;
}

export class NotificationPageDto {
  @ApiProperty({ type: [NotificationDto] }) items: NotificationDto[];
  @ApiProperty() total: number;
  @ApiProperty({ description: 'the caller’s unread notifications, whatever the filter' }) unread: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class NotificationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'true: only the unread ones' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;
}

export class ReadAllResultDto {
  @ApiProperty({ description: 'how many were marked read' }) updated: number;
}
