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
import { Clock } from '../clock.js';
import { AppError } from '../errors/app-error.js';
import type { Actor } from './request-context.js';

export type RateBucket = 'export' | 'upload' | 'feedback';
const BUCKET = 'zg:rate-bucket';
const WINDOW_MS = 60_000;

// A fixed one-minute window per account (or IP) and bucket, in this process. Enough for one API instance; several
// instances behind a balancer each enforce their own share.
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly reflector: Reflector,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  private limit(bucket: RateBucket): number {
    if (bucket === 'feedback') return this.config.FEEDBACK_RATE_PER_MINUTE;
    return bucket === 'export' ? this.config.EXPORT_RATE_PER_MINUTE : this.config.UPLOAD_RATE_PER_MINUTE;
  }

  canActivate(context: ExecutionContext): boolean {
    const bucket = this.reflector.get<RateBucket>(BUCKET, context.getHandler());
    const request = context.switchToHttp().getRequest<Request & { actor?: Actor }>();
    const key = `${bucket}:${request.actor?.id ?? request.ip}`;
    const now = this.clock.now().getTime();
    const window = this.windows.get(key);
    if (!window || now - window.start >= WINDOW_MS) {
      this.windows.set(key, { start: now, count: 1 });
      if (this.windows.size > 10_000) this.prune(now);
      return true;
    }
    window.count += 1;
    if (window.count > this.limit(bucket)) throw new AppError('RATE_LIMITED');
    return true;
  }

  private prune(now: number): void {
    for (const [key, window] of this.windows) if (now - window.start >= WINDOW_MS) this.windows.delete(key);
  }
}

/**
 * Limits how often one account may call this route per minute (EXPORT_RATE_PER_MINUTE / UPLOAD_RATE_PER_MINUTE);
 * on a public route, where no account is known, one client IP (FEEDBACK_RATE_PER_MINUTE).
 */
export const RateLimit = (bucket: RateBucket) =>
  applyDecorators(SetMetadata(BUCKET, bucket), UseGuards(RateLimitGuard));
