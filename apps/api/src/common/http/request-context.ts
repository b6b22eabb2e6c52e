import { AsyncLocalStorage } from 'node:async_hooks';
import type { Role } from '@zhenggai/domain';

export interface Actor {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  // the account's own unit: the share it acts for
  unitId: string | null;
  // its unit and every sub-unit: what it may see
  unitIds: string[];
}

export interface RequestContext {
  requestId: string | null;
  ip: string | null;
  actor: Actor | null;
  sessionId: string | null;
  // the Idempotency-Key this request holds (set by the IdempotencyInterceptor), marked committed by its transactions
  idempotency?: { userId: string; key: string };
}

const storage = new AsyncLocalStorage<RequestContext>();

// Who is asking, from where, under which request id: read by the audit trail and the authorization checks.
export const requestContext = {
  run<T>(context: RequestContext, fn: () => T): T {
    return storage.run(context, fn);
  },
  get(): RequestContext {
    return storage.getStore() ?? { requestId: null, ip: null, actor: null, sessionId: null };
  },
};
