// A province-sized synthetic dataset for statistics and benchmarks (npm run db:seed:scale): set-based SQL only, so
// 60,000 measures load in seconds. Every row is added next to what exists; the inspections carry SCALE_MARKER.
import { ACCOUNTABILITY_FORMS as DOMAIN_ACCOUNTABILITY_FORMS, FUND_KINDS as DOMAIN_FUND_KINDS } from '@zhenggai/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { MeasureWritesRepository } from '../measures/measure-writes.repository.js';

/** inspection.source_text of generated inspections, followed by ':' and the batch number. */
export const SCALE_MARKER = 'zhenggai:seed-scale';

export interface ScaleSeedOptions {
  measures: number;
  /** China date the statuses and deadlines are placed around (YYYY-MM-DD). */
  today: string;
  /** the random series; the same seed and size give the same dataset */
  seed?: number;
}

export interface ScaleSeedResult {
  batch: number;
  units: number;
  inspections: number;
  problems: number;
  measures: number;
  measureUnits: number;
  extensions: number;
  accountabilityActions: number;
  rules: number;
  funds: number;
}

/** The shape of a province: about 300 measures per inspection, 6 per problem and 30 per unit. */
export function scaleSizes(measures: number): {
  inspections: number;
  problems: number;
  units: number;
  measures: number;
} {
  const inspections = Math.max(1, Math.round(measures / 300));
  return {
    measures,
    inspections,
    problems: Math.max(inspections, Math.round(measures / 6)),
    units: Math.max(5, Math.round(measures / 30)),
  };
}

const REGIONS = [
  '江岸区',
  '江汉区',
  '硚口区',
  '汉阳区',
  '武昌区',
  '青山区',
  '洪山区',
  '东西湖区',
  '蔡甸区',
  '江夏区',
  '黄陂区',
  '新洲区',
  '襄城区',
  '樊城区',
  '襄州区',
  '西陵区',
  '伍家岗区',
  '夷陵区',
  '沙市区',
  '荆州区',
  '黄州区',
  '咸安区',
  '孝南区',
  '曾都区',
  '茅箭区',
  '张湾区',
  '东宝区',
  '掇刀区',
  '华容区',
  '梁子湖区',
  '下陆区',
  '西塞山区',
  '铁山区',
  '恩施市',
  '利川市',
  '仙桃市',
  '潜江市',
  '天门市',
  '大冶市',
  '丹江口市',
];
const DEPARTMENTS = [
  '发展和改革局',
  '教育局',
  '科学技术局',
  '经济和信息化局',
  '公安局',
  '民政局',
  '司法局',
  '财政局',
  '人力资源和社会保障局',
  '自然资源和规划局',
  '生态环境分局',
  '住房和城乡建设局',
  '交通运输局',
  '水务和湖泊局',
  '农业农村局',
  '商务局',
  '文化和旅游局',
  '卫生健康局',
  '退役军人事务局',
  '应急管理局',
  '审计局',
  '市场监督管理局',
  '统计局',
  '医疗保障局',
  '城市管理执法局',
  '行政审批局',
  '信访局',
  '国有资产监督管理局',
  '林业局',
  '粮食和物资储备局',
  '体育局',
  '数据局',
  '机关事务服务中心',
  '投资促进局',
  '乡村振兴局',
  '消防救援大队',
  '税务局',
  '供销合作社',
  '总工会',
  '团委',
  '妇联',
  '科协',
  '残联',
  '融媒体中心',
  '党校',
  '档案馆',
  '人民法院',
  '人民检察院',
  '纪委监委',
  '委组织部',
];
const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '高',
  '林',
  '罗',
];
const CATEGORIES = [
  '在“贯彻落实党中央决策部署”方面',
  '在“落实全面从严治党责任”方面',
  '在“加强领导班子和干部队伍建设”方面',
];
const CATEGORY_LABELS = ['（一）', '（二）', '（三）'];
const TOPICS = [
  '落实“两个确立”',
  '耕地保护',
  '安全生产',
  '优化营商环境',
  '国有资产管理',
  '政府债务风险防控',
  '生态环境保护',
  '基层党组织建设',
  '干部选拔任用',
  '落实中央八项规定精神',
  '财经纪律执行',
  '工程项目招投标',
  '意识形态工作',
  '乡村振兴',
  '民生保障',
  '执法司法规范化',
  '粮食安全',
  '安全生产专项整治',
  '信访积案化解',
  '国有企业改革',
];
const ISSUES = [
  '工作推进不力',
  '责任落实不到位',
  '监督管理缺位',
  '制度执行不严',
  '问题整改不彻底',
  '风险防控薄弱',
  '形式主义问题突出',
  '统筹谋划不够',
];
const VERBS = [
  '建立健全',
  '深入开展',
  '全面排查',
  '严格落实',
  '持续加强',
  '专项整治',
  '完善',
  '规范',
  '督促指导',
  '压紧压实',
];
const OBJECTS = [
  '问题线索台账',
  '专项整治行动',
  '制度执行情况',
  '监督检查机制',
  '项目审批流程',
  '资金使用管理',
  '责任清单',
  '考核评价办法',
  '谈心谈话制度',
  '信息公开工作',
];
const FOLLOW_UPS = [
  '逐项明确责任单位和完成时限，实行清单化管理、销号式推进',
  '定期调度整改进展，对进度滞后的单位开展督导',
  '举一反三开展自查自纠，建立长效机制',
  '对发现的问题依规依纪依法严肃处理',
  '完善配套制度，从源头上防止问题反弹回潮',
  '每季度通报一次整改情况，压实主体责任',
];
const EXTRA_CLAUSES = [
  '，同步开展“回头看”，确保问题见底清零、整改成效经得起检验',
  '，组织专题培训，提升干部发现问题、解决问题的能力',
  '',
  '',
];
// a few of the closed lists (packages/domain), as the generated ledger uses them
const ACCOUNTABILITY_FORMS: string[] = DOMAIN_ACCOUNTABILITY_FORMS.slice(0, 8);
const FUND_KINDS: string[] = [...DOMAIN_FUND_KINDS];

async function count(manager: EntityManager, sql: string, params: unknown[] = []): Promise<number> {
  const rows = (await manager.query(sql, params)) as Array<{ n: number }>;
  return rows[0].n;
}

// temporary tables have no statistics until analysed: without them the joins below become nested loops
async function prepareTemp(manager: EntityManager, table: string): Promise<void> {
  await manager.query(`ALTER TABLE ${table} ADD PRIMARY KEY (n)`);
  await manager.query(`ANALYZE ${table}`);
}

/**
 * Adds one batch: units (with one responsible person each), inspections with three categories, problems, measures
 * with their lead unit and sometimes co-units, deadline extensions and outcomes. Problem statuses are derived from the
 * measures as packages/domain deriveProblemStatus does. One transaction; temporary tables hold the generated keys.
 */
export async function seedScale(dataSource: DataSource, options: ScaleSeedOptions): Promise<ScaleSeedResult> {
  const size = scaleSizes(options.measures);
  const result = await dataSource.transaction((manager) => insertBatch(manager, size, options));
  // fresh statistics, or the planner guesses from an almost empty table
  for (const table of [
    'unit',
    'person',
    'inspection',
    'category',
    'problem',
    'measure',
    'measure_unit',
    'deadline_extension',
  ]) {
    await dataSource.query(`ANALYZE ${table}`);
  }
  return result;
}

async function insertBatch(
  manager: EntityManager,
  size: ReturnType<typeof scaleSizes>,
  options: ScaleSeedOptions,
): Promise<ScaleSeedResult> {
  const batch =
    (await count(manager, `SELECT count(DISTINCT source_text)::int AS n FROM inspection WHERE source_text LIKE $1`, [
      `${SCALE_MARKER}:%`,
    ])) + 1;
  const marker = `${SCALE_MARKER}:${batch}`;
  const today = options.today;
  await manager.query('SELECT setseed($1)', [options.seed ?? 0.2024]);

  // units and their responsible persons; names are unique per batch
  await manager.query(
    `CREATE TEMP TABLE scale_unit ON COMMIT DROP AS
    SELECT g AS n, gen_random_uuid() AS id, gen_random_uuid() AS person_id,
      ($2::text[])[1 + (g - 1) % cardinality($2::text[])]
        || ($3::text[])[1 + ((g - 1) / cardinality($2::text[])) % cardinality($3::text[])]
        || CASE WHEN g > cardinality($2::text[]) * cardinality($3::text[])
             THEN ((g - 1) / (cardinality($2::text[]) * cardinality($3::text[])) + 1)::text ELSE '' END
        || CASE WHEN $4::int > 1 THEN '（第' || $4::int || '批）' ELSE '' END AS name
    FROM generate_series(1, $1::int) g`,
    [size.units, REGIONS, DEPARTMENTS, batch],
  );
  await prepareTemp(manager, 'scale_unit');
  await manager.query(
    `INSERT INTO unit (id, name, short_name, kind, sort_order)
    SELECT id, name, left(name, 50), '部门', 1000 * $1::int + n FROM scale_unit`,
    [batch],
  );
  await manager.query(
    `INSERT INTO person (id, name, title, unit_id)
    SELECT person_id, ($1::text[])[1 + n % cardinality($1::text[])] || '某某', '主要负责人', id FROM scale_unit`,
    [SURNAMES],
  );

  // inspections: feedback dates spread over the last three years, so old rounds are mostly done and new ones open
  await manager.query(
    `CREATE TEMP TABLE scale_inspection ON COMMIT DROP AS
    SELECT g AS n, gen_random_uuid() AS id, $2::date - (30 + (g * 97) % 1000) AS feedback_date,
      CASE WHEN g % 5 = 0 THEN 15 ELSE 7 END AS yellow_days,
      CASE WHEN g % 3 = 0 THEN 'xuncha' ELSE 'xunshi' END AS kind
    FROM generate_series(1, $1::int) g`,
    [size.inspections, today],
  );
  await prepareTemp(manager, 'scale_inspection');
  await manager.query(
    `INSERT INTO inspection (id, title, issuer, kind, level, term, issuing_committee, round, inspection_group,
      inspection_type, target, on_site_from, on_site_to, feedback_date, plan_due_date, rectification_end, report_due,
      yellow_days, source_text)
    SELECT si.id,
      '中共' || u.name || '党组关于' || CASE si.kind WHEN 'xunshi' THEN '省委第' || (1 + si.n % 15) || '巡视组巡视'
        ELSE '市委第' || (1 + si.n % 9) || '巡察组巡察' END || '反馈意见整改进展情况的通报',
      '中共' || u.name || '党组', si.kind, 'provincial', '十二届', CASE si.kind WHEN 'xunshi' THEN '省委' ELSE '市委' END,
      1 + si.n % 8, CASE si.kind WHEN 'xunshi' THEN '省委第' || (1 + si.n % 15) || '巡视组' ELSE '市委第' || (1 + si.n % 9) || '巡察组' END,
      '常规' || CASE si.kind WHEN 'xunshi' THEN '巡视' ELSE '巡察' END, u.name,
      si.feedback_date - 150, si.feedback_date - 90, si.feedback_date, si.feedback_date + 30, si.feedback_date + 182,
      si.feedback_date + 190, si.yellow_days, $1
    FROM scale_inspection si JOIN scale_unit u ON u.n = 1 + (si.n * 7) % (SELECT count(*) FROM scale_unit)`,
    [marker],
  );
  await manager.query(`CREATE TEMP TABLE scale_category ON COMMIT DROP AS
    SELECT si.n AS inspection_n, c AS seq, gen_random_uuid() AS id FROM scale_inspection si, generate_series(1, 3) c`);
  await manager.query('ANALYZE scale_category');
  await manager.query(
    `INSERT INTO category (id, inspection_id, seq, label, title)
    SELECT sc.id, si.id, sc.seq, ($1::text[])[sc.seq], ($2::text[])[sc.seq]
    FROM scale_category sc JOIN scale_inspection si ON si.n = sc.inspection_n`,
    [CATEGORY_LABELS, CATEGORIES],
  );

  // problems in contiguous blocks per inspection; each gets 3 to 9 measures (weight), scaled to the exact total below
  await manager.query(
    `CREATE TEMP TABLE scale_problem ON COMMIT DROP AS
    WITH base AS (
      SELECT g, 1 + ((g - 1) * $2::bigint / $1::int)::int AS inspection_n, 3 + floor(random() * 7)::int AS weight,
        1 + floor($3::int * power(random(), 2))::int AS lead_n,
        floor(random() * 1000000)::int AS salt, random() AS r_finish
      FROM generate_series(1, $1::int) g
    ), placed AS (
      SELECT base.*, row_number() OVER (PARTITION BY inspection_n ORDER BY g)::int AS seq,
        count(*) OVER (PARTITION BY inspection_n)::int AS siblings,
        sum(weight) OVER (ORDER BY g) AS upto, sum(weight) OVER () AS weights
      FROM base
    )
    SELECT g AS n, gen_random_uuid() AS id, inspection_n, seq, LEAST(3, 1 + (seq - 1) * 3 / siblings) AS category_seq,
      LEAST(lead_n, $3::int) AS lead_n, salt, r_finish,
      (floor(upto * $4::numeric / weights) - floor((upto - weight) * $4::numeric / weights))::int AS measure_count
    FROM placed`,
    [size.problems, size.inspections, size.units, size.measures],
  );
  await prepareTemp(manager, 'scale_problem');
  await manager.query(
    `INSERT INTO problem (id, inspection_id, category_id, seq, label, title, lead_unit_id, term, source)
    SELECT sp.id, si.id, sc.id, sp.seq, sp.seq || '.',
      ($1::text[])[1 + sp.salt % cardinality($1::text[])] || ($2::text[])[1 + (sp.salt / 7) % cardinality($2::text[])],
      su.id, 'concentrated', 'feedback'
    FROM scale_problem sp
    JOIN scale_inspection si ON si.n = sp.inspection_n
    JOIN scale_category sc ON sc.inspection_n = sp.inspection_n AND sc.seq = sp.category_seq
    JOIN scale_unit su ON su.n = sp.lead_n`,
    [TOPICS, ISSUES],
  );

  // measures: the older the inspection, the more of its problems are finished (every measure done); the others have
  // about half their measures done. Unfinished work past its deadline was partly extended (some of it overdue again)
  await manager.query(
    `CREATE TEMP TABLE scale_measure ON COMMIT DROP AS
    WITH base AS (
      SELECT sp.id AS problem_id, si.id AS inspection_id, si.feedback_date, s AS seq, sp.measure_count,
        CASE WHEN random() < 0.7 THEN sp.lead_n ELSE 1 + floor($2::int * power(random(), 2))::int END AS lead_n,
        sp.r_finish < 0.1 + 0.8 * LEAST(1.0, ($1::date - si.feedback_date) / 540.0) AS problem_done,
        random() AS r_done, random() AS r_kind,
        random() AS r_late, random() AS r_extend, floor(random() * 1000000)::int AS salt
      FROM scale_problem sp JOIN scale_inspection si ON si.n = sp.inspection_n, generate_series(1, sp.measure_count) s
    ), statused AS (
      SELECT base.*,
        CASE
          WHEN problem_done OR r_done < 0.45 THEN CASE WHEN r_kind < 0.06 THEN 'deemed_completed' ELSE 'completed' END
          WHEN r_kind < 0.25 THEN 'not_started'
          WHEN r_kind < 0.8 THEN 'in_progress'
          ELSE 'pending_review'
        END AS status
      FROM base
    ), termed AS (
      SELECT statused.*,
        CASE WHEN status = 'deemed_completed' OR (seq = measure_count AND seq > 3 AND r_late < 0.1) THEN 'long_term'
             WHEN seq = 1 THEN 'immediate' ELSE 'concentrated' END AS term
      FROM statused
    ), planned AS (
      SELECT termed.*,
        CASE term WHEN 'long_term' THEN NULL WHEN 'immediate' THEN feedback_date + 30
          ELSE feedback_date + 150 + salt % 90 END AS planned_deadline
      FROM termed
    )
    SELECT gen_random_uuid() AS id, problem_id, inspection_id, feedback_date, seq, LEAST(lead_n, $2::int) AS lead_n, status, term,
      salt, planned_deadline,
      CASE WHEN status NOT IN ('completed', 'deemed_completed') AND planned_deadline < $1::date AND r_extend < 0.4
        THEN $1::date - 5 + salt % 45 ELSE planned_deadline END AS deadline,
      status IN ('completed', 'deemed_completed') AS done,
      -- completion days run from the feedback to a little past the deadline (some late), never after today
      CASE WHEN status IN ('completed', 'deemed_completed') THEN
        feedback_date + 1 + floor(r_late * GREATEST(1, LEAST(COALESCE(planned_deadline, $1::date) + 20, $1::date) - feedback_date - 1))::int
      END AS done_on
    FROM planned`,
    [today, size.units],
  );
  await manager.query('ANALYZE scale_measure');
  await manager.query(
    `CREATE TEMP TABLE scale_measure_rows ON COMMIT DROP AS
    SELECT sm.id, sm.problem_id, sm.inspection_id, sm.seq,
      ($2::text[])[1 + sm.salt % cardinality($2::text[])] || ($3::text[])[1 + (sm.salt / 11) % cardinality($3::text[])] AS lead,
      ($2::text[])[1 + sm.salt % cardinality($2::text[])] || ($3::text[])[1 + (sm.salt / 11) % cardinality($3::text[])] || '，'
        || ($4::text[])[1 + (sm.salt / 131) % cardinality($4::text[])]
        || ($5::text[])[1 + (sm.salt / 1009) % cardinality($5::text[])] || '。' AS text,
      sm.term, sm.status, sm.deadline, su.id AS lead_unit_id, su.person_id AS responsible_person_id,
      CASE WHEN sm.done THEN ((sm.done_on - 3) + time '10:00') AT TIME ZONE 'Asia/Shanghai'
           WHEN sm.status = 'pending_review' THEN (($1::date - 1 - sm.salt % 10) + time '10:00') AT TIME ZONE 'Asia/Shanghai' END AS submitted_at,
      CASE WHEN sm.done THEN (sm.done_on + time '17:00') AT TIME ZONE 'Asia/Shanghai' END AS completed_at,
      CASE WHEN sm.status = 'deemed_completed' THEN '阶段性目标已完成，长效机制已建立。' END AS stage_outcome,
      CASE WHEN sm.status = 'deemed_completed' THEN '纳入常态化监管，按季度调度、年度评估。' END AS long_term_mechanism,
      CASE WHEN sm.status = 'deemed_completed' THEN $1::date + 30 + sm.salt % 90 END AS next_checkpoint
    FROM scale_measure sm JOIN scale_unit su ON su.n = sm.lead_n`,
    [today, VERBS, OBJECTS, FOLLOW_UPS, EXTRA_CLAUSES],
  );

  // the lead unit's share, then one or two co-units for about a third of the measures
  await manager.query(`CREATE TEMP TABLE scale_measure_unit_rows ON COMMIT DROP AS
    SELECT sm.id AS measure_id, su.id AS unit_id, 'lead'::varchar AS role, sm.status::varchar AS status,
      CASE WHEN sm.done THEN 100 WHEN sm.status = 'not_started' THEN 0 ELSE 20 + sm.salt % 70 END AS progress
    FROM scale_measure sm JOIN scale_unit su ON su.n = sm.lead_n`);
  await manager.query(
    `INSERT INTO scale_measure_unit_rows (measure_id, unit_id, role, status, progress)
    SELECT sm.id, su.id, 'co',
      CASE WHEN sm.done THEN 'completed' WHEN sm.status IN ('not_started', 'pending_review') THEN sm.status ELSE 'in_progress' END,
      CASE WHEN sm.done THEN 100 WHEN sm.status = 'not_started' THEN 0 ELSE 30 + sm.salt % 60 END
    FROM scale_measure sm
    CROSS JOIN LATERAL generate_series(1, CASE WHEN sm.salt % 100 < 12 THEN 2 WHEN sm.salt % 100 < 35 THEN 1 ELSE 0 END) k
    JOIN scale_unit su ON su.n = 1 + (sm.lead_n - 1 + k * (1 + (sm.salt / 100) % ($1::int - 1))) % $1::int
    WHERE su.n <> sm.lead_n`,
    [size.units],
  );
  // the measures and their units go in through the measure write path, like every other writer's
  await new MeasureWritesRepository(manager.connection).bulkLoad(manager, {
    measures: 'scale_measure_rows',
    units: 'scale_measure_unit_rows',
  });

  // extensions: approved for the measures whose deadline was moved, pending for a few others
  await manager.query(`INSERT INTO deadline_extension (measure_id, unit_id, previous_deadline, requested_deadline, reason, status,
      decided_at, opinion)
    SELECT sm.id, su.id, sm.planned_deadline, sm.deadline, '受客观因素影响，申请延长整改时限', 'approved',
      ((sm.deadline - 50) + time '16:00') AT TIME ZONE 'Asia/Shanghai', '同意延期，请按新时限完成'
    FROM scale_measure sm JOIN scale_unit su ON su.n = sm.lead_n
    WHERE sm.deadline IS DISTINCT FROM sm.planned_deadline`);
  await manager.query(`INSERT INTO deadline_extension (measure_id, unit_id, previous_deadline, requested_deadline, reason, status)
    SELECT sm.id, su.id, sm.deadline, sm.deadline + 30, '项目审批手续尚在办理，申请延期一个月', 'pending'
    FROM scale_measure sm JOIN scale_unit su ON su.n = sm.lead_n
    WHERE NOT sm.done AND sm.deadline IS NOT NULL AND sm.salt % 50 = 7`);

  // the stored problem status follows from its measures (deriveProblemStatus)
  await manager.query(`UPDATE problem p SET status = d.status, deadline = d.deadline,
      term = CASE WHEN d.long_term THEN 'long_term' ELSE p.term END
    FROM (
      SELECT sm.problem_id,
        CASE WHEN bool_or(NOT sm.done) THEN 'in_progress'
             WHEN bool_or(sm.status = 'deemed_completed') THEN 'deemed_completed' ELSE 'completed' END AS status,
        max(sm.deadline) AS deadline, bool_or(sm.term = 'long_term') AS long_term
      FROM scale_measure sm GROUP BY sm.problem_id
    ) d
    WHERE p.id = d.problem_id`);

  // outcomes of a share of the problems
  await manager.query(
    `INSERT INTO accountability_action (inspection_id, problem_id, form, count, count_unit, raw_text)
    SELECT si.id, sp.id, ($1::text[])[1 + sp.salt % cardinality($1::text[])], 1 + sp.salt % 6,
      CASE WHEN sp.salt % 10 < 7 THEN '人' ELSE '人次' END, NULL
    FROM scale_problem sp JOIN scale_inspection si ON si.n = sp.inspection_n
    WHERE sp.salt % 100 < 12`,
    [ACCOUNTABILITY_FORMS],
  );
  await manager.query(
    `INSERT INTO rule_document (inspection_id, problem_id, title, role, unit_id)
    SELECT si.id, sp.id, ($1::text[])[1 + sp.salt % cardinality($1::text[])] || '工作管理办法',
      CASE WHEN sp.salt % 3 = 0 THEN 'revised' ELSE 'issued' END, su.id
    FROM scale_problem sp JOIN scale_inspection si ON si.n = sp.inspection_n JOIN scale_unit su ON su.n = sp.lead_n
    WHERE sp.salt % 100 BETWEEN 20 AND 39`,
    [TOPICS],
  );
  await manager.query(
    `INSERT INTO fund_recovery (inspection_id, problem_id, kind, amount, unit)
    SELECT si.id, sp.id, ($1::text[])[1 + sp.salt % cardinality($1::text[])], round((sp.salt % 50000) / 100.0, 2), '万元'
    FROM scale_problem sp JOIN scale_inspection si ON si.n = sp.inspection_n
    WHERE sp.salt % 100 BETWEEN 50 AND 55`,
    [FUND_KINDS],
  );

  const result: ScaleSeedResult = {
    batch,
    units: size.units,
    inspections: size.inspections,
    problems: size.problems,
    measures: await count(manager, 'SELECT count(*)::int AS n FROM scale_measure'),
    measureUnits: await count(
      manager,
      'SELECT count(*)::int AS n FROM measure_unit WHERE measure_id IN (SELECT id FROM scale_measure)',
    ),
    extensions: await count(
      manager,
      'SELECT count(*)::int AS n FROM deadline_extension WHERE measure_id IN (SELECT id FROM scale_measure)',
    ),
    accountabilityActions: await count(
      manager,
      'SELECT count(*)::int AS n FROM accountability_action WHERE problem_id IN (SELECT id FROM scale_problem)',
    ),
    rules: await count(
      manager,
      'SELECT count(*)::int AS n FROM rule_document WHERE problem_id IN (SELECT id FROM scale_problem)',
    ),
    funds: await count(
      manager,
      'SELECT count(*)::int AS n FROM fund_recovery WHERE problem_id IN (SELECT id FROM scale_problem)',
    ),
  };
  await manager.query(
    `INSERT INTO audit_event (action, entity_type, actor_username, detail) VALUES ('SCALE_DATA_LOADED', 'inspection', 'system', $1)`,
    [JSON.stringify(result)],
  );
  return result;
}
