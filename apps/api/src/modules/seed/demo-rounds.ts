import { addDays, MEASURE_STATUS_LABELS } from '@zhenggai/domain';
import type { EntityManager } from 'typeorm';

interface DemoRound {
  seq: number;
  periodEnd: string;
  dueDate: string;
  closed: boolean;
  /** the unit's place by its position in the list of units in scope */
  place: (index: number, demoUnit: boolean) => 'on_time' | 'late' | 'missing';
}

const minDate = (a: string, b: string) => (a < b ? a : b);

const chinese = (date: string) => {
  const [, month, day] = date.split('-').map(Number);
  return `${month}月${day}日`;
};

/**
 * Three reporting rounds (报送轮次) of the demo inspection so that a newcomer sees the feature at once: 第1期 and 第2期
 * closed (most units on time, some late, a few missing), 第3期 open (some units have reported; the demo unit leader's
 * unit still owes its report, so 我的任务 shows 待报送). Snapshots of 第1期 record some measures done since as still in
 * progress, so the round summary has changes to show.
 */
export async function insertDemoRounds(manager: EntityManager, inspectionId: string, today: string): Promise<void> {
  const [officer] = (await manager.query(`SELECT id FROM user_account WHERE username = 'officer'`)) as Array<{
    id: string;
  }>;
  const [lead] = (await manager.query(
    `SELECT unit_id AS "unitId" FROM user_account WHERE username = 'unitlead'`,
  )) as Array<{
    unitId: string;
  }>;
  const units = (await manager.query(
    `SELECT DISTINCT u.id, u.name, u.sort_order
     FROM measure m JOIN measure_unit mu ON mu.measure_id = m.id JOIN unit u ON u.id = mu.unit_id
     WHERE m.inspection_id = $1 AND m.deleted_at IS NULL AND m.status NOT IN ('completed', 'deemed_completed')
     ORDER BY u.sort_order, u.name`,
    [inspectionId],
  )) as Array<{ id: string; name: string }>;
  if (!officer || units.length === 0) return;
  const rounds: DemoRound[] = [
    {
      seq: 1,
      periodEnd: addDays(today, -56),
      dueDate: addDays(today, -51),
      closed: true,
      place: (index) => (index % 7 === 3 ? 'missing' : index % 5 === 1 ? 'late' : 'on_time'),
    },
    {
      seq: 2,
      periodEnd: addDays(today, -28),
      dueDate: addDays(today, -23),
      closed: true,
      place: (index) => (index % 6 === 2 ? 'missing' : index % 4 === 3 ? 'late' : 'on_time'),
    },
    {
      seq: 3,
      periodEnd: addDays(today, -1),
      dueDate: addDays(today, 4),
      closed: false,
      place: (index, demoUnit) => (!demoUnit && index % 3 === 0 ? 'on_time' : 'missing'),
    },
  ];
  const labels = JSON.stringify(MEASURE_STATUS_LABELS);
  for (const round of rounds) {
    const [year, month] = round.periodEnd.split('-').map(Number);
    const [{ id: roundId }] = (await manager.query(
      `INSERT INTO report_round (inspection_id, seq, title, period_end, due_date, status, opened_by_id, opened_at,
                                 closed_by_id, closed_at)
       VALUES ($1, $2, $3, $4::date, $5::date, $6::varchar, $7, ($4::date + time '09:00') AT TIME ZONE 'Asia/Shanghai', $8,
               CASE WHEN $6::varchar = 'closed' THEN ($5::date + 2 + time '10:00') AT TIME ZONE 'Asia/Shanghai' END)
       RETURNING id`,
      [
        inspectionId,
        round.seq,
        `${year}年${month}月整改进展报送`,
        round.periodEnd,
        round.dueDate,
        round.closed ? 'closed' : 'open',
        officer.id,
        round.closed ? officer.id : null,
      ],
    )) as Array<{ id: string }>;
    await manager.query(`INSERT INTO report_round_unit (round_id, unit_id) SELECT $1, unnest($2::uuid[])`, [
      roundId,
      units.map((unit) => unit.id),
    ]);
    for (const [index, unit] of units.entries()) {
      const place = round.place(index, unit.id === lead?.unitId);
      if (place === 'missing') continue;
      const late = place === 'late';
      const [{ id: submissionId }] = (await manager.query(
        `INSERT INTO report_submission (round_id, unit_id, attempt, submitted_by_id, submitted_by_name, submitted_at, late)
         SELECT $1, $2, 1, ua.id, coalesce(ua.display_name, $3 || '负责人'),
                ($4::date + time '16:30') AT TIME ZONE 'Asia/Shanghai', $5
         FROM (SELECT 1) one
         LEFT JOIN LATERAL (SELECT id, display_name FROM user_account WHERE unit_id = $2 AND 'unit_leader' = ANY(roles)
                            ORDER BY created_at LIMIT 1) ua ON TRUE
         RETURNING id`,
        [
          roundId,
          unit.id,
          unit.name,
          late ? addDays(round.dueDate, 2) : minDate(addDays(round.dueDate, -1), today),
          late,
        ],
      )) as Array<{ id: string }>;
      // the measure as it stood: in 第1期 a third of the measures done since were still in progress
      await manager.query(
        `WITH stood AS (
           SELECT m.id, m.problem_id, p.label || '(' || m.seq || ')' AS label, p.title AS problem_title, m.text,
                  m.deadline, p.seq AS problem_seq, m.seq,
                  CASE WHEN $4::int = 1 AND m.status IN ('completed', 'deemed_completed') AND abs(hashtext(m.id::text)) % 3 = 0
                       THEN 'in_progress' ELSE m.status END AS status
           FROM measure m JOIN measure_unit mu ON mu.measure_id = m.id AND mu.unit_id = $2
           JOIN problem p ON p.id = m.problem_id AND p.deleted_at IS NULL
           WHERE m.inspection_id = $5 AND m.deleted_at IS NULL
         )
         INSERT INTO report_snapshot_item (submission_id, measure_id, position, problem_id, label, problem_title, text,
                                           status, status_label, deadline, light, progress, evidence_ids)
         SELECT $1, s.id, row_number() OVER (ORDER BY s.problem_seq, s.seq) - 1, s.problem_id, s.label, s.problem_title,
                s.text, s.status, $6::jsonb ->> s.status, s.deadline,
                CASE WHEN s.status IN ('completed', 'deemed_completed') THEN 'grey'
                     WHEN s.deadline IS NULL THEN 'green'
                     WHEN s.deadline < $3::date THEN 'red'
                     WHEN s.deadline - $3::date <= 7 THEN 'yellow' ELSE 'green' END,
                CASE WHEN s.status IN ('completed', 'deemed_completed') THEN ''
                     ELSE '截至' || $7 || '，' || left(s.text, 24) || '……已按整改方案推进，本期完成阶段性任务，下一步将继续压实责任、按期办结。' END,
                '{}'
         FROM stood s`,
        [submissionId, unit.id, round.periodEnd, round.seq, inspectionId, labels, chinese(round.periodEnd)],
      );
      await manager.query(
        `UPDATE report_round_unit SET status = $3, submission_id = $4, submitted_at = s.submitted_at, punctuality = $5
         FROM report_submission s WHERE s.id = $4 AND report_round_unit.round_id = $1 AND report_round_unit.unit_id = $2`,
        [roundId, unit.id, late ? 'late' : 'submitted', submissionId, late ? 'late' : 'on_time'],
      );
    }
    if (round.closed) {
      await manager.query(
        `UPDATE report_round_unit SET punctuality = 'missing' WHERE round_id = $1 AND status = 'pending'`,
        [roundId],
      );
    }
  }
}
