import {
  applyDecorators,
  Injectable,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import { AppError } from '../errors/app-error.js';
import type { Actor } from '../http/request-context.js';

const KEY = /^[A-Za-z0-9_.:-]{8,100}$/;
const WAIT_STEP_MS = 50;
const WAIT_LIMIT_MS = 15_000;

type Claim = { kind: 'first' } | { kind: 'replay'; status: number; body: unknown };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Creates answer a retry carrying the same Idempotency-Key with the first answer instead of creating twice;
// concurrent duplicates wait for the first one. The same key with another body is refused (422).
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request & { actor?: Actor }>();
    const response = context.switchToHttp().getResponse<Response>();
    const key = request.header('idempotency-key');
    if (key === undefined || !request.actor) return next.handle();
    if (!KEY.test(key)) {
      throw new AppError('VALIDATION_FAILED', 'Idempotency-Key 格式不正确', {
        errors: { 'Idempotency-Key': ['应为 8–100 位字母、数字或 _.:-'] },
      });
    }
    const userId = request.actor.id;
    const path = request.originalUrl.split('?')[0].slice(0, 300);
    const hash = createHash('sha256')
      .update(`${request.method} ${path} ${JSON.stringify(request.body ?? null)}`)
      .digest('hex');
    return from(this.run(userId, key, request.method, path, hash, response, next));
  }

  private async run(
    userId: string,
    key: string,
    method: string,
    path: string,
    hash: string,
    response: Response,
    next: CallHandler,
  ): Promise<unknown> {
    const claim = await this.claim(userId, key, method, path, hash);
    if (claim.kind === 'replay') {
      response.status(claim.status);
      response.setHeader('Idempotent-Replayed', 'true');
      return claim.body;
    }
    try {
      const body = await lastValueFrom(next.handle(), { defaultValue: null });
      await this.dataSource.query(`UPDATE idempotency_key SET status = $3, body = $4 WHERE user_id = $1 AND key = $2`, [
        userId,
        key,
        response.statusCode,
        JSON.stringify(body ?? null),
      ]);
      return body;
    } catch (error) {
      // a refused create leaves nothing behind, so a corrected retry with the same key can go through
      await this.dataSource.query(`DELETE FROM idempotency_key WHERE user_id = $1 AND key = $2`, [userId, key]);
      throw error;
    }
  }

  private async claim(userId: string, key: string, method: string, path: string, hash: string): Promise<Claim> {
    for (let waited = 0; waited <= WAIT_LIMIT_MS; waited += WAIT_STEP_MS) {
      const inserted = (await this.dataSource.query(
        `INSERT INTO idempotency_key (user_id, key, method, path, request_hash) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT DO NOTHING RETURNING key`,
        [userId, key, method, path, hash],
      )) as unknown[];
      if (inserted.length > 0) return { kind: 'first' };
      const [row] = (await this.dataSource.query(
        `SELECT request_hash AS "requestHash", status, body FROM idempotency_key WHERE user_id = $1 AND key = $2`,
        [userId, key],
      )) as Array<{ requestHash: string; status: number | null; body: unknown }>;
      if (row && row.requestHash !== hash) throw new AppError('IDEMPOTENCY_KEY_REUSED');
      if (row && row.status !== null) return { kind: 'replay', status: row.status, body: row.body };
      await sleep(WAIT_STEP_MS);
    }
    // a key whose first request never recorded its answer (PostgreSQL went away mid-request) stays pending: the
    // retry is refused rather than risk writing twice (docs/operations.md › Drills, R2)
    throw new AppError('SERVICE_UNAVAILABLE', '相同请求仍在处理中，请稍后重试', { retryAfterSeconds: 5 });
  }
}

/** Marks a create route as idempotent under the Idempotency-Key header. */
export const Idempotent = () =>
  applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    // in the OpenAPI document, so generated clients offer the header
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'a client-chosen key (8–100 letters, digits or _.:-): a retry with the same key and body answers as the first request did',
    }),
  );
