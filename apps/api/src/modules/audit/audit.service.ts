import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { requestContext, type Actor } from '../../common/http/request-context.js';
import type { SqlParams } from '../../common/sql.js';
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

  /**
   * The SELECT list of an audit row for `INSERT INTO audit_event (…) SELECT …` inside a statement that changes and
   * audits at once (one round trip, one implicit transaction). `beforeSql` is an SQL expression of that statement
   * (e.g. a CTE column) giving the before image, evaluated only for the rows the change produced.
   */
  insertColumns(
    input: Omit<AuditInput, 'before'>,
    params: SqlParams,
    beforeSql: string,
  ): { columns: string; values: string } {
    const context = requestContext.get();
    const actor = input.actor === undefined ? context.actor : input.actor;
    const json = (value: Record<string, unknown> | null | undefined) =>
      `${params.add(value ? JSON.stringify(value) : null)}::jsonb`;
    const entries: Array<[string, string]> = [
      ['actor_id', `${params.add(actor?.id ?? null)}::uuid`],
      ['actor_username', `${params.add(actor?.username ?? input.username ?? null)}::text`],
      ['actor_roles', `${params.add(actor?.roles ?? [])}::text[]`],
      ['actor_unit_id', `${params.add(actor?.unitId ?? null)}::uuid`],
      ['ip', `${params.add(context.ip ?? null)}::text`],
      ['request_id', `${params.add(context.requestId ?? null)}::text`],
      ['action', `${params.add(input.action)}::text`],
      ['entity_type', `${params.add(input.entityType ?? null)}::text`],
      ['entity_id', `${params.add(input.entityId ?? null)}::text`],
      ['result', `${params.add(input.result ?? 'success')}::text`],
      ['before', beforeSql],
      ['after', json(input.after)],
      ['detail', json(input.detail)],
    ];
    return {
      columns: entries.map(([column]) => column).join(', '),
      values: entries.map(([, value]) => value).join(', '),
    };
  }

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
  /**
   * The parts of `INSERT INTO audit_event (columns) SELECT values FROM source ORDER BY order` for many rows at once (an
   * import of thousands): each row as record() writes it, the actor and request those of the context, the rows' own
   * columns as arrays unnested in their order. Every row is chained by the deferred trigger at commit like any other.
   */
  insertManyColumns(
    inputs: Array<Omit<AuditInput, 'actor' | 'username'>>,
    params: SqlParams,
  ): { columns: string; values: string; source: string; order: string } {
    const context = requestContext.get();
    const actor = context.actor;
    const json = (value: Record<string, unknown> | null | undefined) => (value ? JSON.stringify(value) : null);
    const arrays = [
      inputs.map((input) => input.action),
      inputs.map((input) => input.entityType ?? null),
      inputs.map((input) => input.entityId ?? null),
      inputs.map((input) => input.result ?? 'success'),
      inputs.map((input) => json(input.before)),
      inputs.map((input) => json(input.after)),
      inputs.map((input) => json(input.detail)),
    ].map((values) => `${params.add(values)}::text[]`);
    const entries: Array<[string, string]> = [
      ['actor_id', `${params.add(actor?.id ?? null)}::uuid`],
      ['actor_username', `${params.add(actor?.username ?? null)}::text`],
      ['actor_roles', `${params.add(actor?.roles ?? [])}::text[]`],
      ['actor_unit_id', `${params.add(actor?.unitId ?? null)}::uuid`],
      ['ip', `${params.add(context.ip ?? null)}::text`],
      ['request_id', `${params.add(context.requestId ?? null)}::text`],
      ['action', 'audit_rows.action'],
      ['entity_type', 'audit_rows.entity_type'],
      ['entity_id', 'audit_rows.entity_id'],
      ['result', 'audit_rows.result'],
      ['before', 'audit_rows.before::jsonb'],
      ['after', 'audit_rows.after::jsonb'],
      ['detail', 'audit_rows.detail::jsonb'],
    ];
    return {
      columns: entries.map(([column]) => column).join(', '),
      values: entries.map(([, value]) => value).join(', '),
      source: `unnest(${arrays.join(', ')}) WITH ORDINALITY
        AS audit_rows(action, entity_type, entity_id, result, before, after, detail, n)`,
      order: 'audit_rows.n',
    };
  }
}
