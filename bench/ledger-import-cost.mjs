// Where the time of writing 60,000 imported measures goes (docs/performance.md, "Step 5"): EXPLAIN ANALYZE of the
// set-based statements of an import (triggers with their time and calls), then the deferred audit hash chain of
// those rows run at once — all in one transaction that is rolled back. `node bench/ledger-import-cost.mjs` after
// `npm run bench -- --only xlsx-import-60k` has seeded zhenggai_bench_ledger_60000.
import pg from 'pg';
import { openBenchServer } from './database.mjs';
const server = await openBenchServer(process.cwd());
const client = new pg.Client({ connectionString: await server.database('zhenggai_bench_ledger_60000') });
await client.connect();
const [{ id }] = (
  await client.query(`SELECT inspection_id AS id FROM measure GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`)
).rows;
const explain = async (label, sql) => {
  const t0 = performance.now();
  const { rows } = await client.query(`EXPLAIN (ANALYZE, COSTS OFF) ${sql}`, [id]);
  console.log(`== ${label}: ${((performance.now() - t0) / 1000).toFixed(2)} s`);
  for (const row of rows) {
    const line = row['QUERY PLAN'];
    if (/Trigger|Execution Time|Insert on|Planning/.test(line)) console.log('   ', line.trim());
  }
};
await client.query('BEGIN');
await client.query(
  `CREATE TEMP TABLE src ON COMMIT DROP AS SELECT gen_random_uuid() AS nid, m.* FROM measure m WHERE inspection_id = $1`,
  [id],
);
await explain(
  'measure',
  `INSERT INTO measure (id, problem_id, inspection_id, seq, lead, text, term, deadline, lead_unit_id, responsible_leader_id, responsible_person_id, remarks)
  SELECT nid, problem_id, inspection_id, seq + 1000, NULL, text, term, deadline, lead_unit_id, responsible_leader_id, responsible_person_id, remarks FROM src WHERE inspection_id = $1`,
);
await explain(
  'measure_unit',
  `INSERT INTO measure_unit (measure_id, unit_id, role, status) SELECT nid, lead_unit_id, 'lead', 'not_started' FROM src WHERE lead_unit_id IS NOT NULL AND inspection_id = $1`,
);
await explain(
  'measure_event',
  `INSERT INTO measure_event (measure_id, action, to_status, actor_id, actor_name, detail)
  SELECT nid, 'create', 'not_started', NULL, 'bench', jsonb_build_object('source', 'ledger', 'row', seq) FROM src WHERE inspection_id = $1`,
);
await explain(
  'audit_event',
  `INSERT INTO audit_event (actor_username, actor_roles, action, entity_type, entity_id, result, after, detail)
  SELECT 'bench', '{task_force_officer}', 'MEASURE_CREATED', 'measure', nid::text, 'success', to_jsonb(s) - 'nid', jsonb_build_object('source', 'ledger', 'row', seq) FROM src s WHERE inspection_id = $1`,
);
const t0 = performance.now();
await client.query('SET CONSTRAINTS audit_event_chain IMMEDIATE');
console.log(
  `== the audit hash chain of those rows (deferred to commit, run here): ${((performance.now() - t0) / 1000).toFixed(2)} s`,
);
await client.query('ROLLBACK');
await client.end();
await server.stop();
