import { EventSubscriber, type EntitySubscriberInterface, type TransactionCommitEvent } from 'typeorm';
import { requestContext } from '../http/request-context.js';

/**
 * Marks the request's Idempotency-Key committed inside each transaction the request commits, as its last statement:
 * the mark exists exactly when the write does. A key left pending by a request that died (PostgreSQL went away, the
 * process was killed) then tells a retry what happened: marked — the data is there, do not write again; not marked
 * and old — nothing was written, the retry may take the key over (IdempotencyInterceptor).
 */
@EventSubscriber()
export class IdempotencyCommitSubscriber implements EntitySubscriberInterface {
  async beforeTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    const held = requestContext.get().idempotency;
    if (!held) return;
    await event.queryRunner.query(
      `UPDATE idempotency_key SET committed_at = now() WHERE user_id = $1 AND key = $2 AND committed_at IS NULL`,
      [held.userId, held.key],
    );
  }
}
