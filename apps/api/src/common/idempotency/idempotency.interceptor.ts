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
import { AppConfig } from '../../config/app-config.js';
import { AppError } from '../errors/app-error.js';
import { requestContext } from '../http/request-context.js';
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
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

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
    // the request's transactions mark the key committed as they commit (IdempotencyCommitSubscriber)
    const context = requestContext.get();
    context.idempotency = { userId, key };
    try {
      const body = await lastValueFrom(next.handle(), { defaultValue: null });
      context.idempotency = undefined;
      await this.dataSource.query(`UPDATE idempotency_key SET status = $3, body = $4 WHERE user_id = $1 AND key = $2`, [
        userId,
        key,
        response.statusCode,
        JSON.stringify(body ?? null),
      ]);
      return body;
    } catch (error) {
      context.idempotency = undefined;
      // a refused create (4xx) leaves nothing behind, so a corrected retry with the same key can go through; after a
      // fault (5xx) the key is dropped only if nothing was committed under it
      const refused = error instanceof AppError && error.status < 500;
      await this.dataSource
        .query(
          `DELETE FROM idempotency_key WHERE user_id = $1 AND key = $2${refused ? '' : ' AND committed_at IS NULL'}`,
          [userId, key],
        )
        .catch(() => undefined);
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
        `SELECT request_hash AS "requestHash", status, body, committed_at IS NOT NULL AS committed,
                created_at < now() - make_interval(secs => $3) AS abandoned
           FROM idempotency_key WHERE user_id = $1 AND key = $2`,
        [userId, key, this.config.IDEMPOTENCY_STALE_SECONDS],
      )) as Array<{
        requestHash: string;
        status: number | null;
        body: unknown;
        committed: boolean;
        abandoned: boolean;
      }>;
      if (row && row.requestHash !== hash) throw new AppError('IDEMPOTENCY_KEY_REUSED');
      if (row && row.status !== null) return { kind: 'replay', status: row.status, body: row.body };
      if (row && !row.committed && row.abandoned) {
        // the first request died before committing anything (older than any request may run): this one takes over
        const taken = (await this.dataSource.query(
          `UPDATE idempotency_key SET created_at = now() WHERE user_id = $1 AND key = $2 AND status IS NULL
              AND committed_at IS NULL AND created_at < now() - make_interval(secs => $3) RETURNING key`,
          [userId, key, this.config.IDEMPOTENCY_STALE_SECONDS],
        )) as unknown[];
        if (taken.length > 0) return { kind: 'first' };
        continue;
      }
      // committed but its answer lost: the data is there; waiting will not bring the answer back
      if (row && row.committed && row.abandoned) throw new AppError('IDEMPOTENT_REQUEST_DONE');
      await sleep(WAIT_STEP_MS);
    }
    // the first request is still running (or died less than IDEMPOTENCY_STALE_SECONDS ago): try again later
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
