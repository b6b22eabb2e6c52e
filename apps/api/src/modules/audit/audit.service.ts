import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { requestContext, type Actor } from '../../common/http/request-context.js';
import { AuditEventEntity } from './audit-event.entity.js';

export interface AuditInput {
  action: string;
  entityType?: string;
  entityId?: string | null;
  result?: 'success' | 'failure' | 'denied';
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  detail?: Record<string, unknown> | null;
  // when the actor is not the session's (a login attempt)
  actor?: Pick<Actor, 'id' | 'username' | 'roles' | 'unitId'> | null;
  username?: string;
}

// Writes audit events. Pass the transaction's EntityManager so that the event commits or rolls back with the change.
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(input: AuditInput, manager: EntityManager = this.dataSource.manager): Promise<void> {
    const context = requestContext.get();
    const actor = input.actor === undefined ? context.actor : input.actor;
    const row: Partial<AuditEventEntity> = {
      actorId: actor?.id ?? null,
      actorUsername: actor?.username ?? input.username ?? null,
      actorRoles: actor?.roles ?? [],
      actorUnitId: actor?.unitId ?? null,
      ip: context.ip,
      requestId: context.requestId,
      action: input.action,
      entityType: input.entityType ?? null,
      entityId: input.entityId ?? null,
      result: input.result ?? 'success',
      before: input.before ?? null,
      after: input.after ?? null,
      detail: input.detail ?? null,
    };
    await manager.insert(AuditEventEntity, row as QueryDeepPartialEntity<AuditEventEntity>);
  }
}
