import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class LedgerImportBodyDto {
  @ApiPropertyOptional({
    description:
      'JSON object: column name (序号, 问题编号, 措施序号, 整改措施, 牵头单位 …) → the column in the file (its header text, a letter such as "E", ' +
      'or a 1-based number); "headerRow" gives the header row. Without it the header row and columns are detected.',
    maxLength: 4000,
  })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  mapping?: string;
}

export class LedgerRowErrorDto {
  @ApiProperty({ description: 'row number in the sheet (1-based)' }) row: number;
  @ApiProperty({ description: 'column name, e.g. 牵头单位' }) column: string;
  @ApiProperty() message: string;
}

export class LedgerChangeDto {
  @ApiProperty() row: number;
  @ApiProperty({ example: '7.' }) problemLabel: string;
  @ApiProperty() measureSeq: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) measureId: string | null;
  @ApiProperty({ type: [String], description: 'the columns that change' }) fields: string[];
}

export class LedgerImportResultDto {
  @ApiProperty() dryRun: boolean;
  @ApiProperty({ description: 'the sheet read' }) sheet: string;
  @ApiProperty({ description: 'the header row found' }) headerRow: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'column name → column letter as used',
  })
  columns: Record<string, string>;
  @ApiProperty({ type: [LedgerChangeDto] }) creates: LedgerChangeDto[];
  @ApiProperty({ type: [LedgerChangeDto] }) updates: LedgerChangeDto[];
  @ApiProperty({ description: 'rows that match the ledger as it is' }) unchanged: number;
  @ApiProperty({ type: [LedgerRowErrorDto] }) errors: LedgerRowErrorDto[];
  @ApiProperty({ description: 'whether the plan was written' }) committed: boolean;
}
