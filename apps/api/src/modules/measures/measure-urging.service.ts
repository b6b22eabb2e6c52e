import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AppError } from '../../common/errors/app-error.js';
import type { Actor } from '../../common/http/request-context.js';
import { AuditService } from '../audit/audit.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { WebhooksService } from '../webhooks/webhooks.service.js';
import type { UrgeResultDto } from './dto/urge.dto.js';
import { measureExcerpt, measureLink } from './measure-ledger.js';
import { MeasureWritesRepository, type UrgedMeasure } from './measure-writes.repository.js';
import { MeasuresRepository } from './measures.repository.js';

// 催办: the task force chases the units responsible for measures. Every active account of those units is notified
// once per urge, however many of its measures it names; each measure's history records the urge for each unit.
@Injectable()
export class MeasureUrgingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reads: MeasuresRepository,
    private readonly writes: MeasureWritesRepository,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly webhooks: WebhooksService,
  ) {}

  async urge(measureIds: string[], message: string, actor: Actor): Promise<UrgeResultDto> {
    const ids = [...new Set(measureIds.map((id) => id.toLowerCase()))];
    const urgeId = randomUUID();
    const { result, measures } = await this.dataSource.transaction(async (manager) => {
      const measures = await this.writes.lockForUrge(manager, ids);
      if (measures.length !== ids.length) throw new AppError('NOT_FOUND', '整改措施不存在或已删除');
      const finished = measures.find((measure) => measure.status === 'completed');
      if (finished) throw new AppError('TRANSITION_NOT_ALLOWED', `措施 ${finished.label} 已完成销号，无需催办`);
      const unassigned = measures.find((measure) => measure.unitIds.length === 0);
      if (unassigned) throw new AppError('TRANSITION_NOT_ALLOWED', `措施 ${unassigned.label} 尚未分办责任单位`);

      await this.writes.insertEvents(
        manager,
        measures.flatMap((measure) =>
          measure.unitIds.map((unitId) => ({
            measureId: measure.id,
            action: 'urge',
            unitId,
            actorId: actor.id,
            actorName: actor.displayName,
            opinion: message,
            detail: { urgeId },
          })),
        ),
      );

      // one notification per recipient: a unit's accounts hear of all their urged measures at once
      const unitIds = [...new Set(measures.flatMap((m) => m.unitIds))];
      const recipients = await this.reads.unitAccounts(manager, unitIds);
      const reached = new Set(recipients.map((recipient) => recipient.unitId));
      const unreachedUnits = await this.reads.unitsByIds(
        manager,
        unitIds.filter((unitId) => !reached.has(unitId)),
      );
      const byUser = new Map<string, UrgedMeasure[]>();
      for (const { userId, unitId } of recipients) {
        const list = byUser.get(userId) ?? [];
        for (const measure of measures)
          if (measure.unitIds.includes(unitId) && !list.includes(measure)) list.push(measure);
        byUser.set(userId, list);
      }
      let notified = 0;
      for (const group of groupByMeasures(byUser)) {
        const [first] = group.measures;
        const single = group.measures.length === 1;
        notified += await this.notifications.notify(
          group.userIds,
          {
            kind: 'measure.urged',
            title: single ? `整改专班催办：${first.label}` : `整改专班催办：${group.measures.length} 项整改措施`,
            body: single
              ? `${message}\n\n${first.label} ${measureExcerpt(first.text)}`
              : `${message}\n\n${group.measures.map((m) => `${m.label} ${measureExcerpt(m.text, 24)}`).join('\n')}`,
            link: single ? measureLink(first.problemId, first.id) : '/tasks',
          },
          manager,
        );
      }

      await this.audit.record(
        {
          action: 'MEASURE_URGED',
          entityType: 'measure',
          entityId: measures.length === 1 ? measures[0].id : null,
          detail: {
            urgeId,
            message,
            measureIds: ids,
            recipients: notified,
            unreachedUnitIds: unreachedUnits.map((unit) => unit.id),
          },
        },
        manager,
      );
      return { result: { id: urgeId, measures: measures.length, recipients: notified, unreachedUnits }, measures };
    });
    // outbound webhooks hear of the urge once it has committed
    const [first] = measures;
    await this.webhooks.publish('measure.urged', {
      occurredAt: new Date().toISOString(),
      title: measures.length === 1 ? `整改专班催办：${first.label}` : `整改专班催办：${measures.length} 项整改措施`,
      message,
      by: { id: actor.id, name: actor.displayName },
      link: measures.length === 1 ? measureLink(first.problemId, first.id) : '/tasks',
      measures: measures.map((measure) => ({
        id: measure.id,
        label: measure.label,
        problemTitle: measureExcerpt(measure.problemTitle),
        excerpt: measureExcerpt(measure.text),
        units: measure.unitNames,
      })),
    });
    return result;
  }
}

/** Users told about the same set of measures get the same message, written in one statement. */
function groupByMeasures(byUser: Map<string, UrgedMeasure[]>): { userIds: string[]; measures: UrgedMeasure[] }[] {
  const groups = new Map<string, { userIds: string[]; measures: UrgedMeasure[] }>();
  for (const [userId, measures] of byUser) {
    const key = measures.map((m) => m.id).join(',');
    const group = groups.get(key) ?? { userIds: [], measures };
    group.userIds.push(userId);
    groups.set(key, group);
  }
  return [...groups.values()];
}
