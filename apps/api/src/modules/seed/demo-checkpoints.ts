import { addDays } from '@zhenggai/domain';
import type { EntityManager } from 'typeorm';
import type { MeasureWritesRepository } from '../measures/measure-writes.repository.js';

/**
 * The 检查节点 of the demo's 视同完成 measures: each has its next checkpoint a quarter ahead, and one — of a unit other
 * than the demo unit leader's — came due two days ago and waits in the officers' 检查节点评估 list (queued as the daily
 * sweep would have; its light is red and it counts as overdue until reviewed), so that a newcomer sees the review.
 */
export async function insertDemoCheckpoints(
  manager: EntityManager,
  writes: MeasureWritesRepository,
  inspectionId: string,
  today: string,
): Promise<void> {
  const measures = (await manager.query(
    `SELECT m.id, (m.lead_unit_id IS NOT DISTINCT FROM (SELECT unit_id FROM user_account WHERE username = 'unitlead')) AS own
     FROM measure m JOIN problem p ON p.id = m.problem_id
     WHERE m.inspection_id = $1 AND m.deleted_at IS NULL AND m.status = 'deemed_completed'
     ORDER BY p.seq, m.seq`,
    [inspectionId],
  )) as Array<{ id: string; own: boolean }>;
  const due = measures.find((measure) => !measure.own);
  for (const [index, measure] of measures.entries()) {
    const dueOn = measure === due ? addDays(today, -2) : addDays(today, 75 + (index % 4) * 7);
    await writes.insertCheckpoint(
      manager,
      measure.id,
      dueOn,
      measure === due ? '第一季度阶段目标复核' : '季度阶段目标复核',
    );
  }
  if (due) await writes.queueDueCheckpoints(manager, addDays(today, -2));
}
