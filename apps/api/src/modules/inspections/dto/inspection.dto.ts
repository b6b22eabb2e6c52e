import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../../common/http/pagination.js';

export class InspectionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '中共武汉经开区党工委关于十二届省委第四轮巡视整改进展情况的通报' }) title: string;
  @ApiProperty({ type: String, nullable: true, example: '中共武汉经开区党工委' }) issuer: string | null;
  @ApiProperty({ enum: ['xunshi', 'xuncha'], description: 'xunshi 巡视 | xuncha 巡察' }) kind: 'xunshi' | 'xuncha';
  @ApiProperty({ type: String, nullable: true, example: 'provincial' }) level: string | null;
  @ApiProperty({ type: String, nullable: true, example: '十二届' }) term: string | null;
  @ApiProperty({ type: String, nullable: true, example: '省委' }) issuingCommittee: string | null;
  @ApiProperty({ type: Number, nullable: true, example: 4 }) round: number | null;
  @ApiProperty({ type: String, nullable: true, example: '省委第六巡视组' }) group: string | null;
  @ApiProperty({ type: String, nullable: true, example: '常规巡视' }) inspectionType: string | null;
  @ApiProperty({ type: String, nullable: true, example: '武汉经开区' }) target: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) onSiteFrom: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) onSiteTo: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) feedbackDate: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) planDueDate: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'end of the concentrated period' })
  rectificationEnd: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) reportDue: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) publicityFrom: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) publicityTo: string | null;
  @ApiProperty({ type: String, nullable: true }) contactPhone: string | null;
  @ApiProperty({ type: String, nullable: true }) contactHours: string | null;
  @ApiProperty({ type: String, nullable: true }) contactEmail: string | null;
  @ApiProperty({ type: String, nullable: true }) contactAddress: string | null;
  @ApiProperty({ description: 'a measure turns yellow this many days before its deadline' }) yellowDays: number;
  @ApiProperty({ description: 'problems visible to the caller' }) problemCount: number;
  @ApiProperty() version: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;
}

export class InspectionPageDto {
  @ApiProperty({ type: [InspectionDto] }) items: InspectionDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class InspectionQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['xunshi', 'xuncha'] })
  @IsOptional()
  @IsIn(['xunshi', 'xuncha'])
  kind?: 'xunshi' | 'xuncha';

  @ApiPropertyOptional({ description: 'text in the title, group or target' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
