import { createHash, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

/** An evidence row for a measure, as if uploaded (the upload route itself is tested in attachments.e2e-spec). */
export async function insertEvidence(
  dataSource: DataSource,
  measureId: string,
  name = '整改报告.pdf',
): Promise<string> {
  const id = randomUUID();
  await dataSource.query(
    `INSERT INTO attachment (id, measure_id, name, mime_type, size, sha256, storage_key, kind)
     VALUES ($1, $2, $3, 'application/pdf', 1024, $4, $5, 'document')`,
    [id, measureId, name, createHash('sha256').update(id).digest('hex'), `test/${id}.bin`],
  );
  return id;
}

const taken = new Set<string>();

/**
 * Arranges `count` measures whose only unit is the given account's unit in `status` (test set-up straight in the
 * database), never handing out the same measure twice in one test file, and re-derives their problems' status.
 */
export async function soleUnitMeasures(
  dataSource: DataSource,
  username: string,
  status: string,
  count = 3,
): Promise<Array<{ id: string; version: number; problemId: string }>> {
  const candidates: Array<{ id: string }> = await dataSource.query(
    `SELECT m.id FROM measure m JOIN user_account u ON u.username = $1
     WHERE m.deleted_at IS NULL
       AND (SELECT count(*) FROM measure_unit mu WHERE mu.measure_id = m.id) = 1
       AND EXISTS (SELECT 1 FROM measure_unit mu WHERE mu.measure_id = m.id AND mu.unit_id = u.unit_id)
       -- not the demo look-back's rebound: its history holds a 回头看反弹 event the tests do not expect
       AND NOT EXISTS (SELECT 1 FROM lookback_item li WHERE li.measure_id = m.id AND li.result = 'rebounded')
     ORDER BY m.id`,
    [username],
  );
  const chosen = candidates
    .map((row) => row.id)
    .filter((id) => !taken.has(id))
    .slice(0, count);
  if (chosen.length < count) throw new Error(`only ${chosen.length} measures left for ${username}`);
  chosen.forEach((id) => taken.add(id));
  const deadline = status === 'completed' || status === 'deemed_completed' ? null : '2024-06-30';
  await dataSource.query(
    `UPDATE measure SET status = $2, deadline = coalesce($3::date, deadline), completed_at = NULL, submitted_at = NULL WHERE id = ANY($1)`,
    [chosen, status, deadline],
  );
  await dataSource.query(`UPDATE measure_unit SET status = $2 WHERE measure_id = ANY($1)`, [chosen, status]);
  await dataSource.query(
    `UPDATE problem p SET status = d.status FROM (
       SELECT problem_id, CASE WHEN bool_or(status NOT IN ('completed', 'deemed_completed')) THEN 'in_progress'
         WHEN bool_or(status = 'deemed_completed') THEN 'deemed_completed' ELSE 'completed' END AS status
       FROM measure WHERE deleted_at IS NULL AND problem_id IN (SELECT problem_id FROM measure WHERE id = ANY($1))
       GROUP BY problem_id) d
     WHERE p.id = d.problem_id`,
    [chosen],
  );
  return dataSource.query(`SELECT id, version, problem_id AS "problemId" FROM measure WHERE id = ANY($1) ORDER BY id`, [
    chosen,
  ]);
}
