import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../../common/auth/access.decorators.js';
import type { Actor } from '../../common/http/request-context.js';
import { CheckpointReviewsService } from './checkpoint-reviews.service.js';
import { CheckpointReviewPageDto, CheckpointReviewQueryDto } from './dto/checkpoint-review.dto.js';

// 检查节点评估: the review list of the checkpoints of 视同完成 measures that came due. Officers and supervisors see
// every item, a unit leader its units' (the review itself is POST /api/measures/:id/checkpoints/:checkpointId/review).
@ApiTags('measures')
@Controller('checkpoint-reviews')
export class CheckpointReviewsController {
  constructor(private readonly reviews: CheckpointReviewsService) {}

  @Roles('task_force_officer', 'supervisor', 'unit_leader')
  @Get()
  @ApiOkResponse({ type: CheckpointReviewPageDto })
  getCheckpointReviews(
    @Query() query: CheckpointReviewQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<CheckpointReviewPageDto> {
    return this.reviews.list(query, actor);
  }
}
