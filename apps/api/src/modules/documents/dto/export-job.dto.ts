import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export const EXPORT_JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;

export class ExportJobDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: EXPORT_JOB_STATUSES, enumName: 'ExportJobStatus' })
  status: (typeof EXPORT_JOB_STATUSES)[number];
  @ApiProperty({ minimum: 0, maximum: 100, description: 'percent of the rows written; 100 once the file is ready' })
  progress: number;
  @ApiProperty({ description: 'the name the file downloads under' }) fileName: string;
  @ApiPropertyOptional({ description: 'why the export failed, in Chinese' }) error?: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiPropertyOptional({ format: 'date-time' }) finishedAt?: string;
}
