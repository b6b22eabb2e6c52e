import { addDays, drawSample, sampleFingerprint, type MeasureStatus } from '@zhenggai/domain';
import type { EntityManager } from 'typeorm';
import type { MeasureWritesRepository } from '../measures/measure-writes.repository.js';

const SEED = 'demo2024';
const RATE = 10;

/**
 * One finished look-back (第1次回头看) of the demo inspection, drawn with a stored seed by the real sampler: every item
 * checked, one of them found 反弹 and reopened (→ 推进中, a new deadline, a 回头看反弹 event in its history), so that a
 * newcomer sees a rebound at once.
 */
export async function insertDemoLookback(
  manager: EntityManager,
  writes: MeasureWritesRepository,
  inspectionId: string,
  today: string,
): Promise<void> {
  const [officer] = (await manager.query(
    `SELECT id, display_name AS name FROM user_account WHERE username = 'officer'`,
  )) as Array<{ id: string; name: string }>;
  const [lead] = (await manager.query(
    `SELECT unit_id AS "unitId" FROM user_account WHERE username = 'unitlead'`,
  )) as Array<{
    unitId: string | null;
  }>;
  const candidates = (await manager.query(
    `SELECT m.id AS "measureId", m.lead_unit_id AS "unitId", m.status, m.problem_id AS "problemId",
            p.status AS "problemStatus"
     FROM measure m JOIN problem p ON p.id = m.problem_id AND p.deleted_at IS NULL
     WHERE m.inspection_id = $1 AND m.deleted_at IS NULL AND m.status IN ('completed', 'deemed_completed')`,
    [inspectionId],
  )) as Array<{
    measureId: string;
    unitId: string | null;
    status: MeasureStatus;
    problemId: string;
    problemStatus: string;
  }>;
  if (!officer || candidates.length === 0) return;
  const sample = drawSample(candidates, RATE, SEED);
  const byId = new Map(candidates.map((candidate) => [candidate.measureId, candidate] as const));
  // the rebound: a measure of a problem still 未完成 (so the demo keeps the notice's three classes of problems), of the
  // demo unit leader's unit when there is one; added by hand (加抽) when the draw holds none
  const open = (item: { measureId: string }) => byId.get(item.measureId)!.problemStatus === 'in_progress';
  const own = (item: { unitId: string | null }) => item.unitId === lead?.unitId;
  const drawn = sample.items.find((item) => open(item) && own(item)) ?? sample.items.find(open);
  const added = drawn ? undefined : (candidates.find((c) => open(c) && own(c)) ?? candidates.find(open));
  const items = added ? [...sample.items, { measureId: added.measureId, unitId: added.unitId }] : sample.items;
  const rebound = drawn ?? added ?? sample.items[0];
  const drawnOn = addDays(today, -20);
  const drawnAt = `${drawnOn}T09:30:00+08:00`;
  // named after the quarter it was drawn in (the demo's dates follow the clock)
  const title = `${drawnOn.slice(0, 4)}年第${Math.ceil(Number(drawnOn.slice(5, 7)) / 3)}季度整改“回头看”`;
  const [{ id: lookbackId }] = (await manager.query(
    `INSERT INTO lookback (inspection_id, seq, title, sample_rate_pct, seed, population, fingerprint, status,
                           created_by_id, created_at, finished_at, version)
     VALUES ($1, 1, $9, $2, $3, $4, $5, 'finished', $6, $7, $8, 2) RETURNING id`,
    [
      inspectionId,
      RATE,
      SEED,
      sample.population,
      sampleFingerprint(sample.items.map((item) => item.measureId)),
      officer.id,
      drawnAt,
      `${addDays(today, -3)}T17:00:00+08:00`,
      title,
    ],
  )) as Array<{ id: string }>;
  const deadline = addDays(today, 30);
  for (const [position, item] of items.entries()) {
    const rebounded = item.measureId === rebound.measureId;
    const checkedAt = `${addDays(today, -10 + (position % 6))}T15:00:00+08:00`;
    const finding = rebounded
      ? '现场核查发现，整改后建立的台账未持续更新，相关问题在部分点位再次出现，存在反弹回潮。'
      : '经查阅台账、实地查看，整改成果得到巩固，未发现反弹。';
    await manager.query(
      `INSERT INTO lookback_item (lookback_id, measure_id, unit_id, position, status_at_draw, result, finding, deadline,
                                  checked_by_id, checked_by_name, checked_at, manual)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        lookbackId,
        item.measureId,
        item.unitId,
        position,
        byId.get(item.measureId)!.status,
        rebounded ? 'rebounded' : 'consolidated',
        finding,
        rebounded ? deadline : null,
        officer.id,
        officer.name,
        checkedAt,
        added !== undefined && item.measureId === added.measureId,
      ],
    );
    if (!rebounded) continue;
    const measure = byId.get(item.measureId)!;
    await writes.setUnitStatus(manager, measure.measureId, 'all', 'in_progress');
    await writes.overwrite(manager, measure.measureId, {
      status: 'in_progress',
      deadline,
      submitted_at: null,
      completed_at: null,
    });
    await writes.insertEvents(manager, [
      {
        measureId: measure.measureId,
        action: 'rebound',
        fromStatus: measure.status,
        toStatus: 'in_progress',
        unitId: null,
        actorId: officer.id,
        actorName: officer.name,
        opinion: finding,
        detail: { lookbackId, number: '第1次回头看', title, deadline },
      },
    ]);
    // a measure back in progress makes its problem 未完成 (deriveProblemStatus); the seeder writes problems itself
    if (measure.problemStatus !== 'in_progress')
      await manager.query(`UPDATE problem SET status = 'in_progress' WHERE id = $1`, [measure.problemId]);
  }
}
