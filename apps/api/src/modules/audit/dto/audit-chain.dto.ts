import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class AuditChainBreakDto {
  @ApiProperty({ type: String, nullable: true, description: 'chain position; null for a row never chained' })
  seq: string | null;
  @ApiProperty() id: string;
  @ApiProperty({ type: String, format: 'date-time' }) at: string;
  @ApiProperty({ enum: ['content_altered', 'prev_hash_mismatch', 'seq_gap', 'unchained'] }) reason: string;
  @ApiProperty({ description: 'what is wrong, in Chinese' }) detail: string;
}

export class AuditChainDto {
  @ApiProperty() intact: boolean;
  @ApiProperty({ description: 'rows verified (up to the first broken one)' }) rows: number;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'first seq present (later than 1 after a retention purge)',
  })
  firstSeq: string | null;
  @ApiProperty({ type: String, nullable: true }) lastSeq: string | null;
  @ApiProperty({ type: String, nullable: true }) lastHash: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) checkedAt: string;
  @ApiPropertyOptional({ type: AuditChainBreakDto }) firstBroken?: AuditChainBreakDto;
}
