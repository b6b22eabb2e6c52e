import {
  Injectable,
  SetMetadata,
  UseGuards,
  applyDecorators,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AppConfig } from '../../config/app-config.js';
import { RateLimiter } from './rate-limiter.js';
import type { Actor } from './request-context.js';

export type RateBucket = 'export' | 'upload' | 'feedback';
const BUCKET = 'zg:rate-bucket';

// A fixed one-minute window per account (or IP) and bucket, counted in PostgreSQL through RateLimiter: several API
// instances behind a balancer enforce one limit together.
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly config: AppConfig,
    private readonly limiter: RateLimiter,
  ) {}

  private limit(bucket: RateBucket): number {
    if (bucket === 'feedback') return this.config.FEEDBACK_RATE_PER_MINUTE;
    return bucket === 'export' ? this.config.EXPORT_RATE_PER_MINUTE : this.config.UPLOAD_RATE_PER_MINUTE;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const bucket = this.reflector.get<RateBucket>(BUCKET, context.getHandler());
    const request = context.switchToHttp().getRequest<Request & { actor?: Actor }>();
    await this.limiter.take(bucket, request.actor?.id ?? request.ip ?? 'unknown', this.limit(bucket));
    return true;
  }
}

/**
 * Limits how often one account may call this route per minute (EXPORT_RATE_PER_MINUTE / UPLOAD_RATE_PER_MINUTE);
 * on a public route, where no account is known, one client IP (FEEDBACK_RATE_PER_MINUTE).
 */
export const RateLimit = (bucket: RateBucket) =>
  applyDecorators(SetMetadata(BUCKET, bucket), UseGuards(RateLimitGuard));
