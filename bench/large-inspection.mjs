// One large inspection for the ledger benchmarks (bench/documents.mjs, the xlsx scenarios of bench/run.mjs):
// `problems` problems × 6 measures of Chinese text, with lead units, co-units and progress reports, in set-based SQL.
// `query(sql, params)` answers the rows (a TypeORM DataSource's query, or a pg pool wrapped).

export const MEASURES_PER_PROBLEM = 6;

/** One inspection (tagged `source_text = tag`) of `problems` problems × 6 measures of Chinese text, with units, co-units and progress reports. */
export async function seedLargeInspection(query, problems, tag) {
  const [inspection] = await query(
    `INSERT INTO inspection (title, issuer, kind, term, issuing_committee, round, source_text)
     VALUES ('基准测试党委关于十二届省委第九轮巡视整改进展情况的通报', '中共基准测试党委', 'xunshi', '十二届', '省委', 9, $1) RETURNING id`,
    [tag],
  );
  const id = inspection.id;
  await query(
    `INSERT INTO problem (inspection_id, seq, label, title, overview, status)
     SELECT $1, g, g || '.', '关于第' || g || '项' || repeat('落实主体责任不到位、工作推进不力', 1), '对照问题逐项整改，压实责任。', 'in_progress'
     FROM generate_series(1, $2::int) g`,
    [id, problems],
  );
  await query(
    `WITH units AS (SELECT array_agg(id ORDER BY name) AS ids FROM unit WHERE deleted_at IS NULL)
     INSERT INTO measure (problem_id, inspection_id, seq, lead, text, status, term, deadline, lead_unit_id)
     SELECT p.id, p.inspection_id, s, '强化统筹协调',
       '强化统筹协调。' || repeat('围绕问题清单逐项制定措施，明确责任领导、责任单位和完成时限，建立台账、定期调度、跟踪问效，', 2) || '第' || s || '项。',
       (ARRAY['not_started', 'in_progress', 'pending_review', 'completed', 'deemed_completed'])[1 + (p.seq + s) % 5],
       CASE WHEN s = 6 THEN 'long_term' ELSE 'concentrated' END,
       CASE WHEN s = 6 THEN NULL ELSE date '2024-06-30' + (p.seq % 120) END,
       units.ids[1 + (p.seq + s) % array_length(units.ids, 1)]
     FROM problem p CROSS JOIN generate_series(1, $2::int) s CROSS JOIN units
     WHERE p.inspection_id = $1`,
    [id, MEASURES_PER_PROBLEM],
  );
  await query(
    `INSERT INTO measure_unit (measure_id, unit_id, role, status)
     SELECT m.id, m.lead_unit_id, 'lead', m.status FROM measure m WHERE m.inspection_id = $1`,
    [id],
  );
  await query(
    `WITH units AS (SELECT array_agg(id ORDER BY name) AS ids FROM unit WHERE deleted_at IS NULL)
     INSERT INTO measure_unit (measure_id, unit_id, role, status)
     SELECT m.id, units.ids[1 + (m.seq * 7 + length(m.id::text)) % array_length(units.ids, 1)], 'co', 'in_progress'
     FROM measure m CROSS JOIN units WHERE m.inspection_id = $1 AND m.seq % 2 = 0
     ON CONFLICT DO NOTHING`,
    [id],
  );
  await query(
    `INSERT INTO progress_update (measure_id, unit_id, reported_on, text)
     SELECT m.id, m.lead_unit_id, date '2024-03-01', '已完成阶段性工作：召开专题会议研究部署，印发工作方案，建立工作台账并按月调度。'
     FROM measure m WHERE m.inspection_id = $1 AND m.status <> 'not_started'`,
    [id],
  );
  await query('ANALYZE problem; ANALYZE measure; ANALYZE measure_unit; ANALYZE progress_update');
  return id;
}
